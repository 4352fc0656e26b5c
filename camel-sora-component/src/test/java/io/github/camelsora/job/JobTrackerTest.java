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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelsora.api.ApiError;
import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraTimeoutException;
import io.github.camelsora.api.Video;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class JobTrackerTest {

    private static final PollPolicy FAST = new PollPolicy(Duration.ofMillis(5), Duration.ofMillis(20));

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final JobTracker tracker = new JobTracker(timer);

    @AfterEach
    void stop() {
        tracker.close();
        timer.shutdownNow();
    }

    @Test
    void waitsUntilCompleted() throws Exception {
        Scripted source = new Scripted("queued", "in_progress", "in_progress", "completed");

        Video video = tracker.await("video_1", source, FAST, Duration.ofSeconds(10)).get(5, TimeUnit.SECONDS);

        assertThat(video.status()).isEqualTo("completed");
        assertThat(source.calls).hasValue(4);
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void treatsAnyUnknownStatusAsTerminal() throws Exception {
        Scripted source = new Scripted("in_progress", "expired");

        Video video = tracker.await("video_1", source, FAST, Duration.ofSeconds(10)).get(5, TimeUnit.SECONDS);

        assertThat(video.status()).isEqualTo("expired");
        assertThat(source.calls).hasValue(2);
    }

    @Test
    void timesOutWithTheVideoIdAndStopsAsking() throws Exception {
        Scripted source = new Scripted("in_progress");
        CompletableFuture<Video> wait = tracker.await("video_stuck", source, FAST, Duration.ofMillis(200));

        assertThatThrownBy(() -> wait.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(SoraTimeoutException.class, e -> {
                    assertThat(e.getVideoId()).isEqualTo("video_stuck");
                    assertThat(e.getLastStatus()).isEqualTo("in_progress");
                });
        int callsAtTimeout = source.calls.get();
        await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(2))
                .until(() -> source.calls.get() == callsAtTimeout);
    }

    @Test
    void retriesTransientErrorsAndFailsOnOthers() throws Exception {
        ConcurrentLinkedQueue<Object> answers = new ConcurrentLinkedQueue<>(List.of(
                error(503), new SoraException("reset", "video_1", new java.io.IOException("reset")), video("completed")));
        StatusSource flaky = id -> answer(answers.poll());
        PollPolicy policy = new PollPolicy(Duration.ofMillis(5), Duration.ofMillis(5));

        // transient backoff starts at 1 s, so allow a few seconds
        assertThat(tracker.await("video_1", flaky, policy, Duration.ofSeconds(20)).get(10, TimeUnit.SECONDS).status())
                .isEqualTo("completed");

        StatusSource missing = id -> answer(error(404));
        assertThatThrownBy(() -> tracker.await("video_2", missing, policy, Duration.ofSeconds(20))
                .get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(SoraApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void closingFailsPendingWaitsWithTheirIds() {
        CompletableFuture<Video> wait = tracker.await("video_pending", new Scripted("queued"),
                new PollPolicy(Duration.ofSeconds(30), Duration.ofSeconds(30)), Duration.ofMinutes(5));

        tracker.close();

        assertThat(wait).isCompletedExceptionally();
        assertThatThrownBy(wait::join).hasMessageContaining("video_pending");
    }

    private static CompletableFuture<ApiResponse<Video>> answer(Object answer) {
        return answer instanceof Throwable t
                ? CompletableFuture.failedFuture(t)
                : CompletableFuture.completedFuture(new ApiResponse<>((Video) answer, "req_1", null));
    }

    private static SoraApiException error(int status) {
        return new SoraApiException("retrieve video", status, new ApiError("boom", "server_error", null, null),
                "req_1", "video_1");
    }

    private static Video video(String status) {
        return new Video("video_1", "video", "sora-2", status, 50, 1L, null, null, "p", "720x1280", "4", null, null);
    }

    /** Answers with the given statuses in turn, repeating the last one. */
    private static final class Scripted implements StatusSource {
        final String[] statuses;
        final AtomicInteger calls = new AtomicInteger();

        Scripted(String... statuses) {
            this.statuses = statuses;
        }

        @Override
        public CompletableFuture<ApiResponse<Video>> retrieve(String videoId) {
            int call = calls.getAndIncrement();
            return answer(video(statuses[Math.min(call, statuses.length - 1)]));
        }
    }
}
