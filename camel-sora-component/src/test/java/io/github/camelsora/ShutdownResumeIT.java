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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelsora.api.SoraException;
import io.github.camelsora.job.FileJobStore;
import io.github.camelsora.job.JobState;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the context keeps in-flight jobs in the store; the next context resumes them by key, without a create. */
class ShutdownResumeIT {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey("sk-sim-shutdown").renderTime(Duration.ofSeconds(3)).drawPrompt(false).build();

    @TempDir
    Path temp;

    private CamelContext context(FileJobStore store, Path out) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(1);
        context.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        SoraComponent sora = TestSora.component(SIM.baseUrl(), SIM.apiKey(), out, 100, 300);
        sora.getConfiguration().setJobStore(store);
        context.addComponent("sora", sora);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sora:generate?idempotencyKey=${header.orderId}");
            }
        });
        context.start();
        return context;
    }

    @Test
    void aStoppedJobIsResumedAfterRestartWithoutANewCreate() throws Exception {
        Path storeDir = temp.resolve("store");
        Path out = temp.resolve("out");
        FileJobStore firstStore = new FileJobStore(storeDir);
        CamelContext first = context(firstStore, out);
        ProducerTemplate template = first.createProducerTemplate();
        CompletableFuture<Exchange> inFlight = template.asyncSend("direct:generate", e -> {
            e.getMessage().setHeader("orderId", "order-42");
            e.getMessage().setBody("a ship leaving port");
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> firstStore.find("order-42")
                .map(r -> r.state() == JobState.CREATED).orElse(false));

        first.stop();

        Exchange stopped = inFlight.get(20, TimeUnit.SECONDS);
        assertThat(stopped.getException()).isInstanceOf(SoraException.class);
        String videoId = ((SoraException) stopped.getException()).getVideoId();
        assertThat(videoId).isEqualTo(SIM.simulator().createdVideoIds().get(0));
        assertThat(new FileJobStore(storeDir).find("order-42"))
                .hasValueSatisfying(r -> assertThat(r.videoId()).isEqualTo(videoId));
        assertThat(out.toFile().list((dir, name) -> name.endsWith(".part"))).isNullOrEmpty();

        CamelContext second = context(new FileJobStore(storeDir), out);
        try {
            Exchange resumed = second.createProducerTemplate().request("direct:generate", e -> {
                e.getMessage().setHeader("orderId", "order-42");
                e.getMessage().setBody("a ship leaving port");
            });
            assertThat(resumed.getException()).isNull();
            assertThat(resumed.getMessage().getHeader(SoraConstants.VIDEO_ID)).isEqualTo(videoId);
            Mp4Assertions.assertPlayableMp4(resumed.getMessage().getBody(File.class), 720, 1280, 4);

            Exchange again = second.createProducerTemplate().request("direct:generate", e -> {
                e.getMessage().setHeader("orderId", "order-42");
                e.getMessage().setBody("a ship leaving port");
            });
            assertThat(again.getMessage().getBody(File.class)).isEqualTo(resumed.getMessage().getBody(File.class));
        } finally {
            second.stop();
        }
        assertThat(SIM.simulator().totalCreates()).isEqualTo(1);
        assertThat(SIM.simulator().counters(videoId).downloads()).isEqualTo(1);
        // the durable store holds ids and a fingerprint only: never the key, never the prompt
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(storeDir)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                assertThat(java.nio.file.Files.readString(file)).as(file.toString())
                        .doesNotContain(SIM.apiKey()).doesNotContain("a ship leaving port");
            }
        }
        ReliabilityFigures.record("context stopped mid-job, restarted, message sent twice more", 1,
                SIM.simulator().totalCreates(), 1, SIM.simulator().totalCreates() - 1, 0);
    }
}
