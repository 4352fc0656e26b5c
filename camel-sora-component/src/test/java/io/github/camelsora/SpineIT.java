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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraAssetExpiredException;
import io.github.camelsora.api.SoraBudgetExceededException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraQuotaException;
import io.github.camelsora.api.SoraTimeoutException;
import io.github.camelsora.api.Video;
import io.github.camelsora.simulator.Route;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The spine: every policy reaches every operation, one retry rule, deadlines that cancel the request in flight,
 * one expiry rule, threads that do not grow with keys. Each test failed on the code before the re-cut.
 */
class SpineIT {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey("sk-sim-spine")
            .renderTime(Duration.ofMillis(600))
            .drawPrompt(false)
            .resetBeforeEach(true)
            .build();

    @TempDir
    static Path output;

    /** A context with a sora component on the simulator, configured by {@code setup}, and the given routes. */
    private static CamelContext context(Consumer<SoraComponent> setup, RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        SoraComponent sora = TestSora.component(SIM.baseUrl(), SIM.apiKey(), output, 100, 300);
        sora.getConfiguration().setRetryDelay(50);
        sora.getConfiguration().setMaxRetryDelay(200);
        setup.accept(sora);
        context.addComponent("sora", sora);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    private static RouteBuilder routes(String... uris) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < uris.length; i++) {
                    from("direct:" + i).to(uris[i]);
                }
            }
        };
    }

    private static String completedVideo(ProducerTemplate template) {
        Exchange created = template.request("direct:create", e -> e.getMessage().setBody("A quiet harbour"));
        assertThat(created.getException()).isNull();
        String id = created.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        Exchange awaited = template.request("direct:await", e -> e.getMessage().setBody(id));
        assertThat(awaited.getException()).isNull();
        assertThat(awaited.getMessage().getBody(Video.class).status()).isEqualTo("completed");
        return id;
    }

    private static RouteBuilder createAwaitAnd(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to("sora:create");
                from("direct:await").to("sora:await");
                from("direct:op").to(uri);
            }
        };
    }

    @Test
    void maxRequestsPerMinuteHoldsForEveryOperationNotOnlyGenerate() throws Exception {
        try (CamelContext context = context(sora -> sora.getConfiguration().setMaxRequestsPerMinute(3),
                routes("sora:create", "sora:retrieve"))) {
            ProducerTemplate template = context.createProducerTemplate();
            Exchange created = template.request("direct:0", e -> e.getMessage().setBody("Rate limited"));
            String id = created.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
            CompletableFuture<Exchange> second = template.asyncSend("direct:1", e -> e.getMessage().setBody(id));
            CompletableFuture<Exchange> third = template.asyncSend("direct:1", e -> e.getMessage().setBody(id));
            CompletableFuture<Exchange> fourth = template.asyncSend("direct:1", e -> e.getMessage().setBody(id));

            // the three are sent concurrently, so which two get the minute's last two requests is a race: two go
            // at once, the other waits for the next minute, on the timer, not a thread
            List<CompletableFuture<Exchange>> sent = List.of(second, third, fourth);
            await().atMost(Duration.ofSeconds(10)).until(() -> sent.stream().filter(CompletableFuture::isDone)
                    .count() == 2);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> sent.stream()
                    .filter(CompletableFuture::isDone).count() == 2);
            assertThat(SIM.simulator().totalRequests()).isEqualTo(3);
        }
    }

    @Test
    void downloadsAreRetriedAsMaxRetriesSays() throws Exception {
        try (CamelContext context = context(sora -> { }, createAwaitAnd("sora:download"))) {
            ProducerTemplate template = context.createProducerTemplate();
            String id = completedVideo(template);
            SIM.simulator().enqueueError(Route.CONTENT, 503, "server_error", null, "busy", null);

            Exchange downloaded = template.request("direct:op", e -> e.getMessage().setBody(id));

            assertThat(downloaded.getException()).isNull();
            Mp4Assertions.assertPlayableMp4(downloaded.getMessage().getBody(java.io.File.class), 720, 1280, 4);
            assertThat(SIM.simulator().counters(id).downloads()).isEqualTo(1);
        }
    }

    @Test
    void awaitUsesTheEndpointsRetryOptions() throws Exception {
        try (CamelContext context = context(sora -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to("sora:create");
                from("direct:op").to("sora:await?quotaAfterRateLimits=1");
            }
        })) {
            ProducerTemplate template = context.createProducerTemplate();
            Exchange created = template.request("direct:create", e -> e.getMessage().setBody("Quota"));
            String id = created.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
            SIM.simulator().enqueueError(Route.RETRIEVE, 429, "rate_limit_error", null, "slow down", null);

            Exchange awaited = template.request("direct:op", e -> e.getMessage().setBody(id));

            // with the defaults (3 hint-less 429s) the wait would have gone on
            assertThat(awaited.getException()).isInstanceOf(SoraQuotaException.class);
        }
    }

    @Test
    void theDailyBudgetChargesRemixToo() throws Exception {
        try (CamelContext context = context(sora -> {
            sora.setMaxSpendPerDay(0.5);
            sora.getConfiguration().setPriceTable("sora-2=0.10");
        }, createAwaitAnd("sora:remix"))) {
            ProducerTemplate template = context.createProducerTemplate();
            String id = completedVideo(template); // 4 s at $0.10: $0.40 of $0.50

            Exchange remix = template.request("direct:op", e -> {
                e.getMessage().setHeader(SoraConstants.VIDEO_ID, id);
                e.getMessage().setBody("The same harbour at night");
            });

            assertThat(remix.getException()).isInstanceOf(SoraBudgetExceededException.class);
            assertThat(((SoraException) remix.getException()).mayHaveCreatedJob()).isFalse();
            assertThat(SIM.simulator().totalCreates()).isEqualTo(1);
        }
    }

    @Test
    void theJobDeadlineCancelsAStatusRequestInFlight() throws Exception {
        try (CamelContext context = context(sora -> { }, routes("sora:generate?timeout=3s"))) {
            SIM.simulator().delayNext(Route.RETRIEVE, Duration.ofSeconds(70));
            long start = System.nanoTime();

            Exchange result = context.createProducerTemplate().request("direct:0",
                    e -> e.getMessage().setBody("A server that holds the status request"));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(result.getException()).isInstanceOfSatisfying(SoraTimeoutException.class,
                    e -> assertThat(e.getVideoId()).isNotNull());
            // not the 60 s request timeout: the job's 3 s deadline cancelled the request in flight
            assertThat(took).isLessThan(Duration.ofSeconds(30));
            assertThat(SIM.simulator().totalCreates()).isEqualTo(1);
        }
    }

    @Test
    void downloadOfAnExpiredJobIsAnExpiryLikeGenerateSays() throws Exception {
        SIM.simulator().expireWhenPromptContains("harbour", Duration.ofSeconds(1));
        try (CamelContext context = context(sora -> { }, createAwaitAnd("sora:download"))) {
            ProducerTemplate template = context.createProducerTemplate();
            String id = completedVideo(template);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Exchange retrieved = context.createProducerTemplate().request("sora:retrieve",
                        e -> e.getMessage().setBody(id));
                return retrieved.getException() == null
                       && "expired".equals(retrieved.getMessage().getBody(Video.class).status());
            });

            Exchange downloaded = template.request("direct:op", e -> e.getMessage().setBody(id));

            assertThat(downloaded.getException()).isInstanceOfSatisfying(SoraAssetExpiredException.class,
                    e -> assertThat(e.getVideoId()).isEqualTo(id));
        }
    }

    @Test
    void threadsDoNotGrowWithKeys() throws Exception {
        try (CamelContext context = context(sora -> sora.getConfiguration().setApiKey(null), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tenant").toD("sora:retrieve?apiKey=${header.key}");
            }
        })) {
            ProducerTemplate template = context.createProducerTemplate();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            template.request("direct:tenant", e -> {
                e.getMessage().setHeader("key", "sk-tenant-0");
                e.getMessage().setBody("video_0");
            });
            int afterFirst = threads.getThreadCount();
            for (int i = 1; i <= 30; i++) {
                int tenant = i;
                Exchange result = template.request("direct:tenant", e -> {
                    e.getMessage().setHeader("key", "sk-tenant-" + tenant);
                    e.getMessage().setBody("video_" + tenant);
                });
                assertThat(result.getException()).isInstanceOf(SoraApiException.class); // wrong keys: 401
            }
            assertThat(threads.getThreadCount() - afterFirst).isLessThan(4);
        }
    }

    @Test
    void conflictingLimitsForOneServerAndKeyFailAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context(sora -> { },
                        routes("sora:retrieve?maxConcurrentJobs=2", "sora:retrieve?maxConcurrentJobs=3")).close())
                .hasStackTraceContaining("Conflicting limits");
    }
}
