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
import io.github.camelsora.api.Deadline;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraQuotaException;
import io.github.camelsora.api.SoraTimeoutException;
import io.github.camelsora.api.SoraTransportException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The registry of waits: polls on one timer, deadlines, status retries through the gateway, webhook nudges. */
class JobTrackerTest {

    private static final PollPolicy FAST = new PollPolicy(Duration.ofMillis(5), Duration.ofMillis(20));
    /** A safety poll so slow that it never happens during a test. */
    private static final PollPolicy SLOW = new PollPolicy(Duration.ofHours(1), Duration.ofHours(1));
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(10), 3);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final JobTracker tracker = new JobTracker(timer);
    private final PolicyGateway gateway = new PolicyGateway(new Limiter(0, 0, 10, timer), QUICK_RETRIES, null,
            null, timer);

    @AfterEach
    void stop() {
        tracker.close();
        timer.shutdownNow();
    }

    private CompletableFuture<Video> track(String id, Source source, PollPolicy policy, Duration timeout,
                                           boolean events) {
        JobTracker.StatusSource viaGateway = (videoId, deadline) -> gateway.call("retrieve video",
                PolicyGateway.Kind.STATUS, deadline, d -> source.retrieve(videoId));
        return tracker.await(id, new JobTracker.WaitSpec(viaGateway, policy, Deadline.in(timeout), events, null));
    }

    @Test
    void waitsUntilCompleted() throws Exception {
        Scripted source = new Scripted("queued", "in_progress", "in_progress", "completed");

        Video video = track("video_1", source, FAST, Duration.ofSeconds(10), false).get(5, TimeUnit.SECONDS);

        assertThat(video.status()).isEqualTo("completed");
        assertThat(source.calls).hasValue(4);
        assertThat(tracker.inFlightCount()).isZero();
        assertThat(tracker.isTracked("video_1")).as("a finished job is remembered").isTrue();
    }

    @Test
    void timesOutWithTheVideoIdAndLastStatusAndStopsAsking() {
        Scripted source = new Scripted("in_progress");
        CompletableFuture<Video> wait = track("video_stuck", source, FAST, Duration.ofMillis(200), false);

        assertThatThrownBy(() -> wait.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(SoraTimeoutException.class, e -> {
                    assertThat(e.getVideoId()).isEqualTo("video_stuck");
                    assertThat(e.getLastStatus()).isEqualTo("in_progress");
                });
        int callsAtTimeout = source.calls.get();
        await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(2))
                .until(() -> source.calls.get() == callsAtTimeout);
    }

    @Test
    void statusRequestsAreRetriedUntilTheDeadlineNotJustMaxRetries() throws Exception {
        // four transient failures in a row: more than maxRetries=2, yet a status request costs nothing
        ConcurrentLinkedQueue<Object> answers = new ConcurrentLinkedQueue<>(List.of(error(503), transport(),
                error(502), error(500), video("video_1", "completed")));
        Source flaky = id -> answer(answers.poll());

        assertThat(track("video_1", flaky, FAST, Duration.ofSeconds(20), false).get(10, TimeUnit.SECONDS).status())
                .isEqualTo("completed");
    }

    @Test
    void aRequestThatCannotSucceedEndsTheWaitWithItsTypedError() {
        assertThatThrownBy(() -> track("video_2", id -> answer(error(404)), FAST, Duration.ofSeconds(20), false)
                .get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(SoraApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void insufficientQuotaOnAStatusRequestIsAQuotaException() {
        SoraApiException quota = new SoraApiException("retrieve video", 429, new ApiError("no quota",
                "insufficient_quota", null, "insufficient_quota"), "req_1", "video_q");
        assertThatThrownBy(() -> track("video_q", id -> answer(quota), FAST, Duration.ofSeconds(20), false)
                .get(5, TimeUnit.SECONDS)).cause().isInstanceOf(SoraQuotaException.class);
    }

    @Test
    void transientFailuresUntilTheDeadlineAreATimeoutNotAFailure() {
        // an unknown status is not the failure of a paid job
        assertThatThrownBy(() -> track("video_t", id -> answer(error(503)), FAST, Duration.ofMillis(300), false)
                .get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(SoraTimeoutException.class,
                        e -> assertThat(e.getVideoId()).isEqualTo("video_t"));
    }

    @Test
    void aNudgeReadsTheJobItselfNowForWaitsThatTakeEvents() throws Exception {
        Scripted source = new Scripted("failed");
        CompletableFuture<Video> wait = track("video_1", source, SLOW, Duration.ofHours(2), true);
        CompletableFuture<Video> other = track("video_2", source, SLOW, Duration.ofHours(2), true);

        assertThat(tracker.nudge("video_1")).isTrue();

        Video video = wait.get(5, TimeUnit.SECONDS);
        assertThat(video.status()).isEqualTo("failed");
        assertThat(video.error().code()).as("the job's own error, not an invented one").isEqualTo("moderation_blocked");
        assertThat(video.model()).isEqualTo("sora-2");
        assertThat(source.calls).hasValue(1);
        assertThat(other).isNotDone();
        assertThat(tracker.inFlightCount()).isEqualTo(1);
    }

    @Test
    void aNudgeDoesNotEndWaitsConfiguredToPoll() {
        Scripted source = new Scripted("completed");
        CompletableFuture<Video> wait = track("video_1", source, SLOW, Duration.ofHours(2), false);

        assertThat(tracker.nudge("video_1")).isFalse();

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !wait.isDone());
        assertThat(source.calls).hasValue(0);
        assertThat(tracker.isTracked("video_1")).isTrue();
    }

    @Test
    void aNudgeThatArrivesBeforeTheWaitMakesItsFirstReadImmediate() throws Exception {
        Scripted source = new Scripted("completed");
        assertThat(tracker.nudge("video_early")).isFalse();

        Video video = track("video_early", source, SLOW, Duration.ofHours(2), true).get(5, TimeUnit.SECONDS);

        assertThat(video.status()).isEqualTo("completed");
        assertThat(source.calls).hasValue(1);
    }

    @Test
    void aNudgeLeavesAnUnfinishedJobToItsSchedule() {
        Scripted running = new Scripted("in_progress");
        CompletableFuture<Video> wait = track("video_1", running, SLOW, Duration.ofHours(2), true);

        tracker.nudge("video_1");

        await().atMost(Duration.ofSeconds(5)).until(() -> running.calls.get() == 1);
        assertThat(wait).isNotDone();
        assertThat(tracker.isWaitingFor("video_1")).isTrue();
    }

    @Test
    void closingFailsPendingWaitsWithTheirIds() {
        CompletableFuture<Video> wait = track("video_pending", new Scripted("queued"), SLOW, Duration.ofMinutes(5),
                false);

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

    private static SoraTransportException transport() {
        return new SoraTransportException("retrieve video", "video_1", new java.io.IOException("reset"), true);
    }

    private static Video video(String id, String status) {
        VideoError error = "failed".equals(status) ? new VideoError("moderation_blocked", "Blocked") : null;
        return new Video(id, "video", "sora-2", status, 50, 1L, null, null, "p", "720x1280", "4", null, error);
    }

    @FunctionalInterface
    private interface Source {
        CompletableFuture<ApiResponse<Video>> retrieve(String videoId);
    }

    /** Answers with the given statuses in turn, repeating the last one. */
    private static final class Scripted implements Source {
        final String[] statuses;
        final AtomicInteger calls = new AtomicInteger();

        Scripted(String... statuses) {
            this.statuses = statuses;
        }

        @Override
        public CompletableFuture<ApiResponse<Video>> retrieve(String videoId) {
            int call = calls.getAndIncrement();
            return answer(video(videoId, statuses[Math.min(call, statuses.length - 1)]));
        }
    }
}
