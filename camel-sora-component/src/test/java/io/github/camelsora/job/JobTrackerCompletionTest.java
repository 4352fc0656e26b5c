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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/** Completing waits from outside (webhook events), by video id. */
class JobTrackerCompletionTest {

    /** A safety poll so slow that it never happens during a test. */
    private static final PollPolicy SLOW = new PollPolicy(Duration.ofHours(1), Duration.ofHours(1));

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final JobTracker tracker = new JobTracker(timer);
    private final Counting source = new Counting("failed");

    @AfterEach
    void stop() {
        tracker.close();
        timer.shutdownNow();
    }

    @Test
    void completeEndsTheWaitWithoutAStatusRequest() throws Exception {
        CompletableFuture<Video> wait = tracker.await("video_1", source, SLOW, Duration.ofHours(2));
        CompletableFuture<Video> other = tracker.await("video_2", source, SLOW, Duration.ofHours(2));

        assertThat(tracker.isWaitingFor("video_1")).isTrue();
        assertThat(tracker.complete(video("video_1", "completed"))).isTrue();

        assertThat(wait.get(5, TimeUnit.SECONDS).status()).isEqualTo("completed");
        assertThat(other).isNotDone();
        assertThat(source.calls).hasValue(0);
        assertThat(tracker.isWaitingFor("video_1")).isFalse();
        assertThat(tracker.inFlight()).isEqualTo(1);
    }

    @Test
    void aCompletionThatArrivesBeforeTheWaitIsKeptForIt() throws Exception {
        assertThat(tracker.complete(video("video_early", "completed"))).isFalse();

        Video video = tracker.await("video_early", source, SLOW, Duration.ofHours(2)).get(5, TimeUnit.SECONDS);

        assertThat(video.status()).isEqualTo("completed");
        assertThat(source.calls).hasValue(0);
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void refreshAsksOnceAndCompletesWithTheJobsOwnState() throws Exception {
        CompletableFuture<Video> wait = tracker.await("video_1", source, SLOW, Duration.ofHours(2));

        assertThat(tracker.refresh("video_1")).isTrue();

        Video video = wait.get(5, TimeUnit.SECONDS);
        assertThat(video.status()).isEqualTo("failed");
        assertThat(video.error().code()).isEqualTo("moderation_blocked");
        assertThat(source.calls).hasValue(1);
        assertThat(tracker.refresh("video_unknown")).isFalse();
    }

    @Test
    void refreshLeavesAnUnfinishedJobToItsSchedule() {
        Counting running = new Counting("in_progress");
        CompletableFuture<Video> wait = tracker.await("video_1", running, SLOW, Duration.ofHours(2));

        tracker.refresh("video_1");

        await().atMost(Duration.ofSeconds(5)).until(() -> running.calls.get() == 1);
        assertThat(wait).isNotDone();
        assertThat(tracker.isWaitingFor("video_1")).isTrue();
    }

    @Test
    void onlyTerminalStatesCompleteAWait() {
        assertThatIllegalArgumentException().isThrownBy(() -> tracker.complete(video("video_1", "in_progress")));
    }

    private static Video video(String id, String status) {
        VideoError error = "failed".equals(status) ? new VideoError("moderation_blocked", "Blocked") : null;
        return new Video(id, "video", "sora-2", status, 100, 1L, 2L, null, "p", "720x1280", "4", null, error);
    }

    private static final class Counting implements StatusSource {
        final String status;
        final AtomicInteger calls = new AtomicInteger();

        Counting(String status) {
            this.status = status;
        }

        @Override
        public CompletableFuture<ApiResponse<Video>> retrieve(String videoId) {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(new ApiResponse<>(video(videoId, status), "req_1", null));
        }
    }
}
