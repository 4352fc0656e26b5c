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
package io.github.camelsora;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.ExchangeBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 200 jobs in flight at once must not cost 200 threads. */
class ThreadsInFlightIT extends CamelTestSupport {

    private static final int JOBS = 200;

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ofSeconds(4))
            .drawPrompt(false)
            .build();

    @TempDir
    static Path output;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SoraComponent sora = TestSora.component(SIM.baseUrl(), SIM.apiKey(), output, 500, 2000);
        context.addComponent("sora", sora);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").routeId("generate").to("sora:generate");
            }
        };
    }

    @Test
    void twoHundredJobsInFlightAddFewerThanTwentyThreads() throws Exception {
        // warm up: the first exchange starts the HTTP client, the timer and a worker
        assertThat(template.request("direct:generate", e -> e.getMessage().setBody("warm-up")).getException()).isNull();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int baseline = threads.getThreadCount();
        threads.resetPeakThreadCount();

        AsyncProcessor route = AsyncProcessorConverterHelper.convert(context.getRoute("generate").getConsumer().getProcessor());
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<Exchange> finished = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < JOBS; i++) {
            Exchange exchange = ExchangeBuilder.anExchange(context).withBody("job " + i).build();
            route.process(exchange, doneSync -> {
                finished.add(exchange);
                done.incrementAndGet();
            });
        }

        SoraComponent sora = context.getComponent("sora", SoraComponent.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> sora.tracker().inFlightCount() == JOBS);
        int whileInFlight = threads.getThreadCount();
        assertThat(done).hasValue(0);
        assertThat(whileInFlight - baseline).isLessThan(20);

        await().atMost(Duration.ofSeconds(120)).until(() -> done.get() == JOBS);
        assertThat(finished).allSatisfy(exchange -> {
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(SoraConstants.STATUS)).isEqualTo("completed");
        });
        assertThat(threads.getPeakThreadCount() - baseline).isLessThan(20);
        assertThat(SIM.simulator().totalCreates()).isEqualTo(JOBS + 1);
    }
}
