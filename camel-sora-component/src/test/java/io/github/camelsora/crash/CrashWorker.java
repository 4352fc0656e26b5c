/*
 * Copyright 2026 The camel-sora Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelsora.crash;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.github.camelsora.SoraComponent;
import io.github.camelsora.SoraConfiguration;
import io.github.camelsora.job.FileJobStore;
import io.github.camelsora.job.JdbcJobStore;
import io.github.camelsora.job.JobStore;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The process the crash tests start and kill with SIGKILL: a Camel context running {@code file -> sora -> file}
 * with a file job store, or {@code jms -> sora -> file} with a JDBC job store on PostgreSQL. It runs until killed.
 * Arguments are {@code name=value} pairs: mode (file|jms), baseUrl, apiKey, out, and in + store (file) or
 * broker + jdbc (jms).
 */
public final class CrashWorker {

    private CrashWorker() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String mode = options.get("mode");
        DefaultCamelContext context = new DefaultCamelContext();
        SoraComponent sora = new SoraComponent();
        SoraConfiguration config = sora.getConfiguration();
        config.setBaseUrl(options.get("baseUrl"));
        config.setApiKey(options.get("apiKey"));
        config.setOutputDirectory(options.get("out"));
        config.setPollDelay(200);
        config.setMaxPollDelay(500);
        config.setRetryDelay(200);
        config.setMaxRetryDelay(2000);
        JobStore store;
        if (mode.equals("file")) {
            store = new FileJobStore(Path.of(options.get("store")));
        } else {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(options.get("jdbc"));
            postgres.setUser("postgres");
            store = new JdbcJobStore(postgres, "camel_sora_jobs", false);
            JmsComponent jms = new JmsComponent();
            jms.setConnectionFactory(new ActiveMQConnectionFactory(options.get("broker")));
            context.addComponent("jms", jms);
        }
        config.setJobStore(store);
        context.addComponent("sora", sora);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (mode.equals("file")) {
                    // a failed exchange leaves its file in place, so the next poll (or the next process) retries it
                    from("file:" + options.get("in") + "?delay=100&maxMessagesPerPoll=0")
                            .routeId("prompts")
                            .to("sora:generate")
                            .log("delivered ${header.CamelSoraVideoId}");
                } else {
                    from("jms:queue:prompts?transacted=true&concurrentConsumers=5&cacheLevelName=CACHE_CONSUMER")
                            .routeId("prompts")
                            .to("sora:generate")
                            .log("delivered ${header.CamelSoraVideoId}");
                }
            }
        });
        context.start();
        System.out.println("WORKER READY " + ProcessHandle.current().pid());
        new CountDownLatch(1).await(); // until killed
    }
}
