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
package io.github.camelsora.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelsora.api.ApiError;
import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.Deadline;
import io.github.camelsora.api.DeletedVideo;
import io.github.camelsora.api.Download;
import io.github.camelsora.api.InputReference;
import io.github.camelsora.api.ProviderProfile;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraJobFailedException;
import io.github.camelsora.api.SoraTransportException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoError;
import io.github.camelsora.api.VideoList;
import io.github.camelsora.api.VideoProvider;
import io.github.camelsora.api.VideoRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The engine's decisions about keyed runs, with a provider that answers as scripted. */
class JobEngineTest {

    private static final VideoRequest REQUEST = new VideoRequest("A fox", "sora-2", "4", "720x1280");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final JobEngine engine = new JobEngine(timer, Runnable::run, new JobMonitor(JobMetrics.NONE,
            Clock.systemUTC()), "node-test", Clock.systemUTC());
    private final InMemoryJobStore store = new InMemoryJobStore();

    @TempDir
    Path output;

    @AfterEach
    void stop() {
        engine.close();
        timer.shutdownNow();
    }

    /** A provider whose create answers {@code created} and whose jobs end as {@code finalStatus}. */
    static final class Fake implements VideoProvider {
        final String server;
        final Object created;
        final String finalStatus;
        final AtomicInteger creates = new AtomicInteger();

        Fake(String server, Object created, String finalStatus) {
            this.server = server;
            this.created = created;
            this.finalStatus = finalStatus;
        }

        @Override
        public ProviderProfile profile() {
            return ProviderProfile.named("custom");
        }

        @Override
        public String server() {
            return server;
        }

        @Override
        public CompletableFuture<ApiResponse<Video>> create(VideoRequest request, InputReference reference,
                                                            List<String> characters, Deadline deadline) {
            creates.incrementAndGet();
            return created instanceof Throwable t ? CompletableFuture.failedFuture(t)
                    : CompletableFuture.completedFuture(new ApiResponse<>(video((String) created, "queued"), "req_1",
                            null));
        }

        @Override
        public CompletableFuture<ApiResponse<Video>> retrieve(String videoId, Deadline deadline) {
            return CompletableFuture.completedFuture(new ApiResponse<>(video(videoId, finalStatus), "req_2", null));
        }

        @Override
        public CompletableFuture<Download> download(String videoId, String variant, Path file, Deadline deadline) {
            return CompletableFuture.failedFuture(new AssertionError("no download in these tests"));
        }

        @Override
        public CompletableFuture<ApiResponse<VideoList>> list(String after, Integer limit, String order,
                                                              Deadline deadline) {
            return CompletableFuture.completedFuture(new ApiResponse<>(new VideoList("list", List.of(), null, null, false),
                    null, null));
        }

        @Override
        public CompletableFuture<ApiResponse<DeletedVideo>> delete(String videoId, Deadline deadline) {
            return CompletableFuture.failedFuture(new AssertionError("no delete"));
        }
    }

    static Video video(String id, String status) {
        VideoError error = "failed".equals(status) ? new VideoError("moderation_blocked", "Blocked") : null;
        return new Video(id, "video", "sora-2", status, 0, Instant.now().getEpochSecond(), null, null, "A fox",
                "720x1280", "4", null, error);
    }

    private JobEngine.JobContext context(VideoProvider provider) {
        PolicyGateway gateway = new PolicyGateway(new Limiter(0, 0, 10, timer),
                new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(10), 3), null, null, timer);
        return new JobEngine.JobContext(provider, gateway, store, Duration.ofSeconds(10),
                new PollPolicy(Duration.ofMillis(5), Duration.ofMillis(20)), false, output, Duration.ofSeconds(10));
    }

    private Throwable run(String key, VideoProvider provider) {
        return PolicyGateway.unwrap(catchThrowable(() -> engine.run(key, REQUEST, context(provider),
                PolicyGateway.Charge.NONE, d -> provider.create(REQUEST, null, List.of(), d), (id, status) -> { })
                .get(10, TimeUnit.SECONDS)).getCause());
    }

    @Test
    void aRefusedCreateFreesTheKey() {
        Fake refusing = new Fake("custom http://a", new SoraApiException("create video", 400,
                new ApiError("bad", "invalid_request_error", null, null), null, null), "completed");

        assertThat(run("k1", refusing)).isInstanceOf(SoraApiException.class);
        assertThat(store.find("k1")).isEmpty();
    }

    @Test
    void anUnknownOutcomeKeepsTheKeyReservedAndIsNeverSentTwice() {
        Fake lost = new Fake("custom http://a", new SoraTransportException("create video", null,
                new java.io.IOException("reset"), true), "completed");

        Throwable error = run("k2", lost);

        assertThat(error).isInstanceOfSatisfying(SoraException.class,
                e -> assertThat(e.getJobExistence()).isEqualTo(SoraException.JobExistence.UNKNOWN));
        assertThat(store.find("k2")).get().extracting(JobRecord::state).isEqualTo(JobState.SUBMITTING);
        // the one retry allowed went to the server's list (empty), and then to one more create
        assertThat(lost.creates).hasValue(2);
    }

    @Test
    void aFailedJobIsRecordedAndAnsweredAgainWithoutACreate() {
        Fake failing = new Fake("custom http://a", "video_f", "failed");

        assertThat(run("k3", failing)).isInstanceOfSatisfying(SoraJobFailedException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("moderation_blocked"));
        assertThat(store.find("k3")).get().extracting(JobRecord::state, JobRecord::videoId, JobRecord::server)
                .containsExactly(JobState.FAILED, "video_f", "custom http://a");

        assertThat(run("k3", failing)).isInstanceOf(SoraJobFailedException.class);
        assertThat(failing.creates).hasValue(1);
    }

    @Test
    void aKeyResumedAgainstAnotherServerIsRefusedNeverCreatedTwice() {
        Fake first = new Fake("custom http://a", "video_a", "failed");
        run("k4", first);
        Fake other = new Fake("custom http://b", "video_b", "completed");

        Throwable error = run("k4", other);

        assertThat(error).isInstanceOfSatisfying(SoraException.class, e -> {
            assertThat(e.getMessage()).contains("custom http://a").contains("custom http://b");
            assertThat(e.getVideoId()).isEqualTo("video_a");
            assertThat(e.getJobExistence()).isEqualTo(SoraException.JobExistence.CREATED);
        });
        assertThat(other.creates).hasValue(0);
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefused() {
        Fake provider = new Fake("custom http://a", "video_c", "failed");
        run("k5", provider);

        Throwable error = PolicyGateway.unwrap(catchThrowable(() -> engine.run("k5",
                new VideoRequest("Another prompt", "sora-2", "4", "720x1280"), context(provider),
                PolicyGateway.Charge.NONE, d -> provider.create(REQUEST, null, List.of(), d), (id, s) -> { })
                .get(5, TimeUnit.SECONDS)).getCause());

        assertThat(error).hasMessageContaining("already used for a different request");
        assertThat(provider.creates).hasValue(1);
    }

    @Test
    void anUnsafeIdEndsTheJobForGood() {
        Fake hostile = new Fake("custom http://a", "../../etc/passwd", "completed");

        assertThat(run("k6", hostile)).isInstanceOfSatisfying(SoraApiException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("invalid_video_id"));
        assertThat(store.find("k6")).get().extracting(JobRecord::state).isEqualTo(JobState.FAILED);
    }
}
