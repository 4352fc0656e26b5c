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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.Deadline;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraQuotaException;
import io.github.camelsora.api.SoraTimeoutException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of jobs in flight and their waits, without a thread per job: each status request is a task on one
 * shared timer, and its answer (on an HTTP I/O thread) schedules the next one. Ten thousand jobs in flight are ten
 * thousand small objects and timer entries, not threads. The dev console, the in-flight gauge and the webhook
 * consumer read this registry; there is no other.
 * <p>
 * A wait ends with the job itself, as the provider last described it (never a job made up from an event): a
 * terminal status ends it; a webhook event only asks for the job to be read again now ({@link #nudge}), and only
 * for waits that take events ({@code completion=webhook|auto}). Every wait has a deadline: when it passes, the
 * status request in flight is cancelled and the wait fails with {@link SoraTimeoutException} carrying the video id
 * and the last status seen; the job is left alone on the server. Failed status requests are repeated by the
 * policy gateway until the deadline (an unknown status is not a failure); a request that cannot succeed (404, 401,
 * an exhausted quota) ends the wait with its typed error.
 */
public final class JobTracker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobTracker.class);
    /** How many nudges for jobs not (yet) waited for, and finished jobs, are remembered. */
    static final int MEMORY = 10_000;
    private static final Duration MIN_GRACE = Duration.ofMillis(200);
    private static final Duration MAX_GRACE = Duration.ofSeconds(5);

    /** Reads one job's status once, within the deadline (through the policy gateway in production). */
    @FunctionalInterface
    public interface StatusSource {
        CompletableFuture<ApiResponse<Video>> retrieve(String videoId, Deadline deadline);
    }

    /**
     * What to wait for and how.
     *
     * @param source         where the status comes from
     * @param policy         the poll schedule (with webhook completion: the slow safety poll)
     * @param deadline       when to give up
     * @param acceptsEvents  whether a webhook event may trigger a re-read (completion webhook or auto)
     * @param job            the job as the dev console and the log lines follow it
     */
    public record WaitSpec(StatusSource source, PollPolicy policy, Deadline deadline, boolean acceptsEvents,
                           JobMonitor.TrackedJob job) {
    }

    private final ScheduledExecutorService timer;
    private final Map<String, Set<Wait>> waits = new ConcurrentHashMap<>();
    private final Set<String> nudged = boundedSet();
    private final Set<String> finished = boundedSet();
    private volatile boolean closed;

    public JobTracker(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    private static Set<String> boundedSet() {
        return Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > MEMORY;
            }
        }));
    }

    /**
     * Waits until the job is terminal and completes with its last state, whatever the status (completed, failed,
     * expired...): interpreting it is the caller's business.
     */
    public CompletableFuture<Video> await(String videoId, WaitSpec spec) {
        Wait wait = new Wait(videoId, spec);
        if (closed) {
            wait.end(null, stoppedException(videoId));
            return wait.result;
        }
        waits.computeIfAbsent(videoId, id -> ConcurrentHashMap.newKeySet()).add(wait);
        // an event that overtook the create answer: read the job now rather than after the first delay
        boolean early = spec.acceptsEvents() && nudged.remove(videoId);
        wait.schedule(early ? Duration.ZERO : wait.schedule.first());
        return wait.result;
    }

    /**
     * A webhook event says the job changed: the waits that take events read it again now, once (the regular
     * schedule goes on). When no such wait is in progress, the nudge is remembered briefly for a wait that begins
     * later, as an event can overtake the create answer.
     *
     * @return whether a wait that takes events was in progress for the video
     */
    public boolean nudge(String videoId) {
        Set<Wait> matching = waits.get(videoId);
        boolean found = false;
        if (matching != null) {
            for (Wait wait : matching) {
                if (wait.spec.acceptsEvents()) {
                    found = true;
                    wait.pollNow();
                }
            }
        }
        if (!found && !finished.contains(videoId)) {
            nudged.add(videoId);
        }
        return found;
    }

    /** Whether a wait is in progress for this video. */
    public boolean isWaitingFor(String videoId) {
        return waits.containsKey(videoId);
    }

    /**
     * Whether this node is waiting for the job, or saw it end (the last {@value #MEMORY} jobs): an event about it
     * must not deliver it a second time.
     */
    public boolean isTracked(String videoId) {
        return waits.containsKey(videoId) || finished.contains(videoId);
    }

    /** Remembers that a job was delivered by other means (a download of a job found already finished). */
    public void delivered(String videoId) {
        finished.add(videoId);
    }

    /** How many jobs are being waited for (the in-flight gauge; no copy). */
    public int inFlightCount() {
        return waits.size();
    }

    /** The jobs being waited for, oldest first (the dev console). */
    public List<JobMonitor.TrackedJob> inFlight() {
        return waits.values().stream().flatMap(Set::stream).map(wait -> wait.spec.job())
                .filter(job -> job != null).distinct()
                .sorted((a, b) -> a.submittedAt().compareTo(b.submittedAt())).toList();
    }

    /** Stops waiting: every pending wait fails with an exception naming its video id. Jobs are not touched. */
    @Override
    public void close() {
        closed = true;
        for (Set<Wait> set : List.copyOf(waits.values())) {
            for (Wait wait : List.copyOf(set)) {
                wait.cancel();
                wait.end(null, stoppedException(wait.videoId));
            }
        }
        waits.clear();
    }

    private static SoraException stoppedException(String videoId) {
        return new SoraException("Stopped while waiting for video " + videoId
                                 + "; the job was not cancelled, await or download it later by its id", videoId);
    }

    private final class Wait {
        final String videoId;
        final WaitSpec spec;
        final PollSchedule schedule;
        final long startNanos = System.nanoTime();
        final CompletableFuture<Video> result = new CompletableFuture<>();
        final AtomicBoolean polling = new AtomicBoolean();
        /**
         * The deadline of each status request: the wait's, plus a short grace (a tenth of the wait, 200 ms to 5 s) so
         * that the last look, taken at the deadline itself, can still be answered; a request held longer is
         * cancelled.
         */
        final Deadline requestDeadline;
        volatile ScheduledFuture<?> pending;
        volatile String lastStatus = "unknown";
        final AtomicBoolean warnedUnknown = new AtomicBoolean();

        Wait(String videoId, WaitSpec spec) {
            this.videoId = videoId;
            this.spec = spec;
            this.schedule = new PollSchedule(spec.policy(), startNanos);
            Duration left = spec.deadline().remaining();
            this.requestDeadline = left == null ? Deadline.NONE : new Deadline(spec.deadline().nanos()
                    + Math.max(MIN_GRACE.toNanos(), Math.min(MAX_GRACE.toNanos(), left.toNanos() / 10)));
        }

        void schedule(Duration delay) {
            if (result.isDone()) {
                return;
            }
            if (spec.deadline().passed()) {
                end(null, timeout(null));
                return;
            }
            // never sleep past the deadline: the last look happens at the deadline itself
            Duration left = spec.deadline().remaining();
            long delayNanos = left == null ? delay.toNanos() : Math.min(delay.toNanos(), left.toNanos());
            try {
                pending = timer.schedule(this::poll, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                end(null, stoppedException(videoId));
            }
        }

        void cancel() {
            ScheduledFuture<?> task = pending;
            if (task != null) {
                task.cancel(false);
            }
        }

        /** An event: read now, unless a read is under way (its answer is as fresh). */
        void pollNow() {
            if (result.isDone() || polling.get()) {
                return;
            }
            cancel();
            try {
                timer.execute(this::poll);
            } catch (RejectedExecutionException e) {
                end(null, stoppedException(videoId));
            }
        }

        void poll() {
            if (closed || result.isDone() || !polling.compareAndSet(false, true)) {
                return;
            }
            CompletableFuture<ApiResponse<Video>> call;
            try {
                call = spec.source().retrieve(videoId, requestDeadline);
            } catch (RuntimeException e) {
                polling.set(false);
                end(null, e);
                return;
            }
            call.whenComplete((response, error) -> {
                polling.set(false);
                if (error != null) {
                    onError(PolicyGateway.unwrap(error));
                } else {
                    onStatus(response);
                }
            });
        }

        void onStatus(ApiResponse<Video> response) {
            Video video = response.value();
            lastStatus = video.providerStatus() != null ? video.providerStatus() : "none";
            if (spec.job() != null) {
                spec.job().update(video);
            }
            VideoStatus status = video.videoStatus();
            if (status.isTerminal()) {
                end(video, null);
                return;
            }
            if (status == VideoStatus.UNKNOWN && warnedUnknown.compareAndSet(false, true)) {
                LOG.warn("Video {} reports status '{}', which the provider's profile does not know: it is not taken"
                         + " for the end of the job; waiting on until the deadline", videoId,
                        io.github.camelsora.api.ServerText.clean(String.valueOf(video.providerStatus())));
            }
            cancel();
            schedule(schedule.next(video.progress(), response.pollAfter(), System.nanoTime()));
        }

        void onError(Throwable error) {
            if (RetryPolicy.isRetryable(error) && !(error instanceof SoraQuotaException)) {
                // the gateway repeated it until the deadline: the job is not failed, its status is unknown
                LOG.warn("No status for video {} before the deadline: {}", videoId, error.getMessage());
                end(null, timeout(error));
            } else {
                end(null, error);
            }
        }

        SoraTimeoutException timeout(Throwable cause) {
            SoraTimeoutException timeout = new SoraTimeoutException(videoId,
                    Duration.ofNanos(System.nanoTime() - startNanos), lastStatus);
            if (cause != null) {
                timeout.addSuppressed(cause);
            }
            return timeout;
        }

        void end(Video video, Throwable error) {
            cancel();
            // out of the registry before anyone learns the outcome
            waits.computeIfPresent(videoId, (id, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
            if (video != null) {
                finished.add(videoId);
            }
            if (spec.job() != null) {
                if (error != null) {
                    spec.job().failed(error);
                } else {
                    spec.job().finished(video);
                }
            }
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(video);
            }
        }
    }
}
