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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraTimeoutException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for jobs to reach a terminal status without holding a thread: each status request is a task on one shared
 * timer, and its answer (on an HTTP I/O thread) schedules the next one. Ten thousand jobs in flight are ten
 * thousand small objects and timer entries, not threads.
 * <p>
 * Every wait has a deadline: when it passes, the wait fails with {@link SoraTimeoutException} carrying the video id;
 * the job itself is left alone on the server. Transient failures of a status request (I/O errors, 408, 409, 429,
 * 5xx) are retried until the deadline; any other HTTP error ends the wait.
 */
public final class JobTracker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobTracker.class);
    private static final int MAX_EARLY_COMPLETIONS = 1024;

    private final ScheduledExecutorService timer;
    private final LongSupplier nanoClock;
    private final Set<Wait> waits = ConcurrentHashMap.newKeySet();
    /** Terminal states that arrived from outside before their wait began (a fast job, a slow create answer). */
    private final Map<String, Video> earlyCompletions = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Video> eldest) {
            return size() > MAX_EARLY_COMPLETIONS;
        }
    };
    private volatile boolean closed;

    public JobTracker(ScheduledExecutorService timer) {
        this(timer, System::nanoTime);
    }

    JobTracker(ScheduledExecutorService timer, LongSupplier nanoClock) {
        this.timer = timer;
        this.nanoClock = nanoClock;
    }

    /**
     * Waits until the job is terminal and completes with its last state, whatever the status (completed, failed,
     * expired...): interpreting it is the caller's business.
     *
     * @param source  where to read the job's status from
     * @param timeout how long to wait from now
     */
    public CompletableFuture<Video> await(String videoId, StatusSource source, PollPolicy policy, Duration timeout) {
        return await(videoId, source, policy, timeout, RetryPolicy.DEFAULT);
    }

    /**
     * As {@link #await(String, StatusSource, PollPolicy, Duration)}, with failed status requests repeated by
     * {@code retry}'s backoff and server hints until the deadline (status requests cost nothing, so their number of
     * retries is bounded by the deadline only), except that a quota error ends the wait.
     */
    public CompletableFuture<Video> await(String videoId, StatusSource source, PollPolicy policy, Duration timeout,
                                          RetryPolicy retry) {
        long now = nanoClock.getAsLong();
        Wait wait = new Wait(videoId, source, new PollSchedule(policy, now), now, timeout, retry);
        if (closed) {
            wait.result.completeExceptionally(stoppedException(videoId));
            return wait.result;
        }
        Video known;
        synchronized (earlyCompletions) {
            waits.add(wait);
            known = earlyCompletions.remove(videoId);
        }
        wait.result.whenComplete((video, error) -> waits.remove(wait));
        if (known != null) {
            wait.result.complete(known);
            return wait.result;
        }
        wait.schedule(wait.schedule.first());
        return wait.result;
    }

    /**
     * Ends the waits for this video at once with the given terminal state, without a status request: a webhook
     * event said the job finished. When no wait is in progress, the state is kept briefly (the last
     * {@value #MAX_EARLY_COMPLETIONS}) for a wait that begins later, as an event can overtake the create answer.
     *
     * @return whether a wait was in progress for the video
     */
    public boolean complete(Video video) {
        if (!VideoStatus.of(video.status()).isTerminal()) {
            throw new IllegalArgumentException("Not a terminal status: " + video.status());
        }
        List<Wait> matching;
        synchronized (earlyCompletions) {
            matching = waits.stream().filter(wait -> wait.videoId.equals(video.id())).toList();
            if (matching.isEmpty()) {
                earlyCompletions.put(video.id(), video);
            }
        }
        // completed outside the lock: the caller's continuation runs on this thread
        for (Wait wait : matching) {
            wait.cancel();
            wait.result.complete(video);
        }
        return !matching.isEmpty();
    }

    /**
     * Asks for the video's status now, once, rather than at the waits' next scheduled time: an event said the job
     * changed but not how (a failure's code comes with the job only). The regular schedule goes on regardless.
     *
     * @return whether a wait was in progress for the video
     */
    public boolean refresh(String videoId) {
        boolean found = false;
        for (Wait wait : waits) {
            if (wait.videoId.equals(videoId)) {
                found = true;
                wait.source.retrieve(videoId).whenComplete((response, error) -> {
                    if (error == null && VideoStatus.of(response.value().status()).isTerminal()) {
                        wait.cancel();
                        wait.result.complete(response.value());
                    }
                });
            }
        }
        return found;
    }

    /** Whether a wait is in progress for this video. */
    public boolean isWaitingFor(String videoId) {
        return waits.stream().anyMatch(wait -> wait.videoId.equals(videoId));
    }

    /** How many waits are in progress. */
    public int inFlight() {
        return waits.size();
    }

    /** Stops waiting: every pending wait fails with an exception naming its video id. Jobs are not touched. */
    @Override
    public void close() {
        closed = true;
        for (Wait wait : waits) {
            wait.cancel();
            wait.result.completeExceptionally(stoppedException(wait.videoId));
        }
        waits.clear();
    }

    private static SoraException stoppedException(String videoId) {
        return new SoraException("Stopped while waiting for video " + videoId
                                 + "; the job was not cancelled, await or download it later by its id", videoId);
    }

    private final class Wait {
        final String videoId;
        final StatusSource source;
        final PollSchedule schedule;
        final long startNanos;
        final long deadlineNanos;
        final CompletableFuture<Video> result = new CompletableFuture<>();
        volatile ScheduledFuture<?> pending;
        final RetryPolicy retry;
        volatile String lastStatus = "unknown";
        int failuresInARow;
        int hintlessRateLimits;

        Wait(String videoId, StatusSource source, PollSchedule schedule, long startNanos, Duration timeout,
             RetryPolicy retry) {
            this.retry = retry;
            this.videoId = videoId;
            this.source = source;
            this.schedule = schedule;
            this.startNanos = startNanos;
            this.deadlineNanos = startNanos + timeout.toNanos();
        }

        void schedule(Duration delay) {
            if (result.isDone()) {
                return;
            }
            long now = nanoClock.getAsLong();
            if (now >= deadlineNanos) {
                result.completeExceptionally(new SoraTimeoutException(videoId,
                        Duration.ofNanos(now - startNanos), lastStatus));
                return;
            }
            // never sleep past the deadline: the last look happens at the deadline itself
            long delayNanos = Math.min(delay.toNanos(), deadlineNanos - now);
            try {
                pending = timer.schedule(this::poll, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(stoppedException(videoId));
            }
        }

        void cancel() {
            ScheduledFuture<?> task = pending;
            if (task != null) {
                task.cancel(false);
            }
        }

        void poll() {
            if (closed || result.isDone()) {
                return;
            }
            CompletableFuture<ApiResponse<Video>> call;
            try {
                call = source.retrieve(videoId);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            call.whenComplete((response, error) -> {
                if (error != null) {
                    onError(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
                } else {
                    onStatus(response);
                }
            });
        }

        void onStatus(ApiResponse<Video> response) {
            Video video = response.value();
            lastStatus = video.status();
            if (VideoStatus.of(video.status()).isTerminal()) {
                result.complete(video);
                return;
            }
            failuresInARow = 0;
            hintlessRateLimits = 0;
            schedule(schedule.next(video.progress(), response.pollAfter(), nanoClock.getAsLong()));
        }

        void onError(Throwable error) {
            if (!isTransient(error) || RetryPolicy.isQuota(error)) {
                result.completeExceptionally(error);
                return;
            }
            if (RetryPolicy.isHintlessRateLimit(error) && ++hintlessRateLimits >= retry.quotaAfter()) {
                result.completeExceptionally(new io.github.camelsora.api.SoraQuotaException(
                        "retrieve video " + videoId, (SoraApiException) error, hintlessRateLimits));
                return;
            }
            Duration delay = retry.delay(++failuresInARow, error);
            LOG.warn("Status request for video {} failed ({}); asking again in {}", videoId, error.getMessage(), delay);
            schedule(delay);
        }
    }

    static boolean isTransient(Throwable error) {
        return RetryPolicy.isRetryable(error);
    }
}
