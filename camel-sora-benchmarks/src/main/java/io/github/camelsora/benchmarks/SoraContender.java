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
package io.github.camelsora.benchmarks;

import java.io.File;
import java.time.Duration;
import java.util.function.Consumer;

import io.github.camelsora.SoraComponent;
import io.github.camelsora.SoraConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/** camel-sora: {@code from("direct:generate").to("sora:generate")}, fed without blocking the caller. */
final class SoraContender implements Contender {

    private final Target target;
    private final Duration pollDelay;
    private final Duration maxPollDelay;
    private final CamelContext camel = new DefaultCamelContext();
    private AsyncProducer producer;

    /** @param pollDelay null for the component's defaults */
    SoraContender(Target target, Duration pollDelay, Duration maxPollDelay) {
        this.target = target;
        this.pollDelay = pollDelay;
        this.maxPollDelay = maxPollDelay;
    }

    @Override
    public String name() {
        return "camel-sora";
    }

    @Override
    public void start() throws Exception {
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setBaseUrl(target.baseUrl());
        sora.getConfiguration().setApiKey(target.apiKey());
        sora.getConfiguration().setOutputDirectory(target.output().toString());
        if (pollDelay != null) {
            sora.getConfiguration().setPollDelay(pollDelay.toMillis());
            sora.getConfiguration().setMaxPollDelay(maxPollDelay.toMillis());
        }
        camel.addComponent("sora", sora);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").routeId("generate").to("sora:generate");
            }
        });
        camel.start();
        producer = camel.getEndpoint("direct:generate").createAsyncProducer();
        producer.start();
    }

    @Override
    public void submit(String prompt, Consumer<Delivery> done) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(prompt);
        producer.process(exchange, doneSync -> {
            long now = System.currentTimeMillis();
            String videoId = exchange.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
            Exception error = exchange.getException();
            File file = error == null ? exchange.getMessage().getBody(File.class) : null;
            done.accept(new Delivery(prompt, videoId, file == null ? null : file.toPath(), error, now, -1));
        });
    }

    @Override
    public void close() throws Exception {
        if (producer != null) {
            producer.stop();
        }
        camel.close();
    }
}
