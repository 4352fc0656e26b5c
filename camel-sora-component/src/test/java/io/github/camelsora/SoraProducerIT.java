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

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.TransactedPolicy;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The producer's contract with Camel: the callback exactly once, on a worker; transacted exchanges stay put. */
class SoraProducerIT {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey("sk-sim-producer")
            .renderTime(Duration.ofMillis(300))
            .drawPrompt(false)
            .resetBeforeEach(true)
            .build();

    @TempDir
    static Path output;

    private static CamelContext context() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("sora", TestSora.component(SIM.baseUrl(), SIM.apiKey(), output, 50, 100));
        return context;
    }

    @Test
    void theCallbackIsCalledExactlyOnceOnAWorkerForSuccessAndFailure() throws Exception {
        try (CamelContext context = context()) {
            context.start();
            SoraProducer producer = (SoraProducer) context.getEndpoint("sora:generate").createProducer();
            producer.start();
            AtomicInteger calls = new AtomicInteger();
            AtomicReference<String> thread = new AtomicReference<>();
            Exchange good = new DefaultExchange(context);
            good.getMessage().setBody("Exactly once");

            boolean sync = producer.process(good, doneSync -> {
                calls.incrementAndGet();
                thread.set(Thread.currentThread().getName());
            });

            assertThat(sync).isFalse();
            await().atMost(Duration.ofSeconds(20)).until(() -> calls.get() == 1);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> calls.get() == 1);
            assertThat(good.getException()).isNull();
            assertThat(thread.get()).contains("SoraWorker");

            AtomicInteger badCalls = new AtomicInteger();
            Exchange bad = new DefaultExchange(context);
            bad.getMessage().setBody("");
            assertThat(producer.process(bad, doneSync -> badCalls.incrementAndGet())).isTrue();
            assertThat(badCalls).hasValue(1);
            assertThat(bad.getException()).isInstanceOf(SoraValidationException.class);
            assertThat(SIM.simulator().totalCreates()).isEqualTo(1);
            producer.stop();
        }
    }

    /** A transaction manager stand-in: marks the exchange transacted, as camel-spring's policy does. */
    static final class MarkTransacted implements TransactedPolicy {
        @Override
        public void beforeWrap(Route route, NamedNode definition) {
        }

        @Override
        public Processor wrap(Route route, Processor processor) {
            return exchange -> {
                exchange.getExchangeExtension().setTransacted(true);
                processor.process(exchange);
            };
        }
    }

    @Test
    void aTransactedExchangeStaysOnItsThread() throws Exception {
        try (CamelContext context = context()) {
            context.getRegistry().bind("tx", new MarkTransacted());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:tx").transacted("tx").to("sora:generate")
                            .process(e -> e.getMessage().setHeader("after", Thread.currentThread().getName()));
                }
            });
            context.start();
            String caller = Thread.currentThread().getName();

            Exchange result = context.createProducerTemplate().request("direct:tx",
                    e -> e.getMessage().setBody("In a transaction"));

            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getHeader("after", String.class)).isEqualTo(caller);
            assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class)).isNotNull();
        }
    }
}
