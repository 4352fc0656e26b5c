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

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelsora.api.SoraAssetExpiredException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraJobFailedException;
import io.github.camelsora.api.SoraQuotaException;
import io.github.camelsora.api.SoraRejectedException;
import io.github.camelsora.api.SoraTimeoutException;
import io.github.camelsora.job.InMemoryJobStore;
import io.github.camelsora.job.JobState;
import io.github.camelsora.simulator.Route;
import io.github.camelsora.simulator.SoraSimulator;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault battery: every fault the simulator can script, against sora:generate, each checked for zero duplicate
 * creates and zero lost videos. Each test records its figures for docs/reliability.md.
 */
class FaultBatteryIT extends CamelTestSupport {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey("sk-sim-faults")
            .renderTime(Duration.ofMillis(800))
            .drawPrompt(false)
            .resetBeforeEach(true)
            .build();

    @TempDir
    static Path output;

    private final InMemoryJobStore store = new InMemoryJobStore();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SoraComponent sora = new SoraComponent();
        SoraConfiguration config = sora.getConfiguration();
        config.setBaseUrl(SIM.baseUrl());
        config.setApiKey(SIM.apiKey());
        config.setOutputDirectory(output.toString());
        config.setPollDelay(100);
        config.setMaxPollDelay(300);
        config.setRetryDelay(100);
        config.setMaxRetryDelay(1000);
        config.setJobStore(store);
        context.addComponent("sora", sora);
        context.getRegistry().bind("jobStore", store);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sora:generate");
                from("direct:impatient").to("sora:generate?requestTimeout=1s&retryDelay=1500ms");
                from("direct:short").to("sora:generate?timeout=2s");
                from("direct:limited").to("sora:generate?maxConcurrentJobs=2&maxWaitingJobs=3&baseUrl="
                                          + SIM.baseUrl() + "/");
            }
        };
    }

    private SoraSimulator sim() {
        return SIM.simulator();
    }

    private Exchange send(String endpoint, String key, String prompt) {
        return template.request(endpoint, e -> {
            e.getMessage().setHeader(SoraConstants.IDEMPOTENCY_KEY, key);
            e.getMessage().setBody(prompt);
        });
    }

    private static int delivered(Exchange... results) throws Exception {
        int delivered = 0;
        for (Exchange result : results) {
            if (result.getException() == null) {
                File file = result.getMessage().getBody(File.class);
                Mp4Assertions.assertPlayableMp4(file, 720, 1280, 4);
                delivered++;
            }
        }
        return delivered;
    }

    /** One message through a fault that must be survived: exactly one create, one valid MP4. */
    private void survives(String scenario, String endpoint, String prompt) throws Exception {
        Exchange result = send(endpoint, scenario, prompt);

        assertThat(result.getException()).as(scenario).isNull();
        int delivered = delivered(result);
        int creates = sim().totalCreates();
        ReliabilityFigures.record(scenario, 1, creates, delivered, creates - 1, 1 - delivered);
        assertThat(creates).isEqualTo(1);
        assertThat(output).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void rateLimitStormOnCreateWithRetryAfter() throws Exception {
        for (int i = 0; i < 4; i++) {
            sim().enqueueError(Route.CREATE, 429, "rate_limit_error", "rate_limit_exceeded", "Slow down",
                    Map.of(i % 2 == 0 ? "Retry-After-Ms" : "Retry-After", i % 2 == 0 ? "150" : "0"));
        }
        survives("429 storm on create (4 x 429 with Retry-After)", "direct:generate", "a fox in the snow");
    }

    @Test
    void serverErrorBurstsOnEveryRoute() throws Exception {
        for (int i = 0; i < 3; i++) {
            sim().enqueueError(Route.CREATE, 503, "server_error", null, "overloaded", null);
            sim().enqueueError(Route.RETRIEVE, 502, "server_error", null, "bad gateway", null);
            sim().enqueueError(Route.CONTENT, 500, "server_error", null, "oops", null);
        }
        survives("5xx bursts (3 on create, status and download)", "direct:generate", "a market at dawn");
        assertThat(sim().totalRequests()).isGreaterThan(10);
    }

    @Test
    void connectionResetAfterTheCreateWasProcessed() throws Exception {
        sim().dropConnection(Route.CREATE, true);
        survives("reset during create (job created, answer lost)", "direct:generate", "a lighthouse at night");
    }

    @Test
    void connectionResetBeforeTheCreateWasProcessed() throws Exception {
        sim().dropConnection(Route.CREATE, false);
        survives("reset during create (nothing created)", "direct:generate", "a harbour in fog");
    }

    @Test
    void connectionResetsDuringStatusRequests() throws Exception {
        for (int i = 0; i < 3; i++) {
            sim().dropConnection(Route.RETRIEVE, false);
        }
        survives("resets during status (3)", "direct:generate", "rain on a window");
    }

    @Test
    void interruptedAndTruncatedDownloads() throws Exception {
        sim().truncateNext(Route.CONTENT, 0.5);
        sim().dropConnection(Route.CONTENT, false);
        sim().truncateNext(Route.CONTENT, 0.01);
        survives("truncated and reset downloads (3)", "direct:generate", "waves on rocks");
    }

    @Test
    void slowCreateAnswerOutlivesTheClientTimeout() throws Exception {
        // the server answers after the client gave up, but creates the job: reconciliation must find it
        sim().delayNext(Route.CREATE, Duration.ofMillis(1300));
        survives("slow create (answer after the client timeout)", "direct:impatient", "a slow train");
    }

    @Test
    void slowStatusAndDownloadAnswers() throws Exception {
        sim().delayNext(Route.RETRIEVE, Duration.ofMillis(1500));
        sim().delayNext(Route.CONTENT, Duration.ofMillis(1500));
        survives("slow status and download answers (past the timeout)", "direct:impatient", "a snail race");
    }

    @Test
    void stuckJobTimesOutWithItsIdAndIsNeverResubmitted() throws Exception {
        sim().renderTimeWhenPromptContains("[stuck]", Duration.ofDays(1));

        Exchange first = send("direct:short", "stuck", "a frozen clock [stuck]");
        Exchange again = send("direct:short", "stuck", "a frozen clock [stuck]");

        String videoId = sim().createdVideoIds().get(0);
        assertThat(first.getException()).isInstanceOf(SoraTimeoutException.class);
        assertThat(((SoraException) first.getException()).getVideoId()).isEqualTo(videoId);
        assertThat(((SoraException) again.getException()).getVideoId()).isEqualTo(videoId);
        assertThat(store.find("stuck")).hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(JobState.CREATED));
        ReliabilityFigures.record("stuck job (timeout, then the message again)", 1, sim().totalCreates(), 0,
                sim().totalCreates() - 1, 0);
        assertThat(sim().totalCreates()).isEqualTo(1);
    }

    @Test
    void moderationFailureIsTerminalAndRememberedForTheKey() throws Exception {
        sim().failWhenPromptContains("[blocked]", "moderation_blocked", "Blocked by moderation.");

        Exchange first = send("direct:generate", "blocked", "something forbidden [blocked]");
        Exchange again = send("direct:generate", "blocked", "something forbidden [blocked]");

        for (Exchange result : List.of(first, again)) {
            assertThat(result.getException()).isInstanceOf(SoraJobFailedException.class);
            SoraJobFailedException failure = (SoraJobFailedException) result.getException();
            assertThat(failure.getErrorCode()).isEqualTo("moderation_blocked");
            assertThat(failure.getVideoId()).isEqualTo(sim().createdVideoIds().get(0));
        }
        ReliabilityFigures.record("failed with moderation_blocked (then the message again)", 1,
                sim().totalCreates(), 0, sim().totalCreates() - 1, 0);
        assertThat(sim().totalCreates()).isEqualTo(1);
    }

    @Test
    void expiredAssetsGiveAClearError() throws Exception {
        sim().expireWhenPromptContains("[expire]", Duration.ZERO);

        Exchange result = send("direct:generate", "expired", "a mayfly [expire]");

        assertThat(result.getException()).isInstanceOf(SoraAssetExpiredException.class)
                .hasMessageContaining(sim().createdVideoIds().get(0)).hasMessageContaining("expired");
        ReliabilityFigures.record("expired before download", 1, sim().totalCreates(), 0, sim().totalCreates() - 1, 0);
        assertThat(sim().totalCreates()).isEqualTo(1);
    }

    @Test
    void rateLimitsWithoutRetryAfterAreTakenForQuota() {
        for (int i = 0; i < 5; i++) {
            sim().enqueueError(Route.CREATE, 429, "rate_limit_error", null, "Too many requests", null);
        }

        Exchange result = send("direct:generate", "quota", "anything");

        assertThat(result.getException()).isInstanceOf(SoraQuotaException.class)
                .hasMessageContaining("quota exhausted").hasMessageContaining("3 times");
        assertThat(store.find("quota")).isEmpty();
        ReliabilityFigures.record("429 without Retry-After (quota)", 1, sim().totalCreates(), 0, 0, 0);
        assertThat(sim().totalCreates()).isZero();
    }

    @Test
    void backpressureCapsJobsInFlightAndRejectsBeyondTheQueue() throws Exception {
        sim().setRenderTime(Duration.ofMillis(600));
        AtomicInteger maxInFlight = new AtomicInteger();
        List<File> delivered = new ArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            long inFlight = sim().createdVideoIds().stream()
                    .filter(id -> !output.resolve(id + ".mp4").toFile().exists()).count();
            maxInFlight.accumulateAndGet((int) inFlight, Math::max);
        }, 0, 10, TimeUnit.MILLISECONDS);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                String key = "limited-" + i;
                sent.add(template.asyncSend("direct:limited", e -> {
                    e.getMessage().setHeader(SoraConstants.IDEMPOTENCY_KEY, key);
                    e.getMessage().setBody("crowd scene " + key);
                }));
            }
            int rejected = 0;
            for (CompletableFuture<Exchange> future : sent) {
                Exchange result = future.get(60, TimeUnit.SECONDS);
                if (result.getException() instanceof SoraRejectedException) {
                    rejected++;
                } else {
                    assertThat(result.getException()).isNull();
                    delivered.add(result.getMessage().getBody(File.class));
                }
            }
            assertThat(rejected).isEqualTo(1);
        } finally {
            sampler.shutdownNow();
        }
        assertThat(delivered).hasSize(5);
        assertThat(sim().totalCreates()).isEqualTo(5);
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(2);
        ReliabilityFigures.record("backpressure (6 messages, 2 slots, 3 waiting, 1 rejected)", 6, sim().totalCreates(),
                delivered.size(), sim().totalCreates() - 5, 0);
    }
}
