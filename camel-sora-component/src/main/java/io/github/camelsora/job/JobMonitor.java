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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelsora.api.JobScope;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraJobFailedException;
import io.github.camelsora.api.SoraTimeoutException;
import io.github.camelsora.api.Video;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts job events (for the metrics) and logs their life (the jobs in flight themselves are in {@link JobTracker}):
 * one line at submit, one each time progress passes a quarter (25, 50, 75 %), one at the end, always with the video
 * id. A job is "in flight" from the moment something waits for it (generate right after the create; await from its
 * start) until its wait ends.
 */
public final class JobMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(JobMonitor.class);

    private final JobMetrics metrics;
    private final Clock clock;

    public JobMonitor(JobMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Counts a job the server has just created (the caller logs it, with its request id). */
    public void submitted(JobScope scope, String videoId, String model, BigDecimal estimatedCost) {
        metrics.submitted(scope.tags(), model, estimatedCost);
    }

    /**
     * Starts following a wait for a job; model, size and seconds may be null (an await of a job created elsewhere)
     * and are then taken from the first status answer. Its log lines are written in {@code scope} (the exchange's
     * MDC with the video id), on whatever thread reads the status.
     */
    public TrackedJob waiting(JobScope scope, String videoId, String model, String size, String seconds,
                              BigDecimal estimatedCost) {
        return new TrackedJob(scope, videoId, model, size, seconds, estimatedCost, clock.instant());
    }

    /** Bytes of media downloaded completely. */
    public void downloaded(JobScope scope, long bytes) {
        metrics.downloaded(scope.tags(), bytes);
    }

    /** Counts a status request (the metric {@code camel.sora.status.requests}). */
    public void statusRequested(JobScope scope) {
        metrics.statusRequested(scope.tags());
    }

    /** The metrics this monitor reports to. */
    public JobMetrics metrics() {
        return metrics;
    }

    /** One job from its creation to its end. */
    public final class TrackedJob {
        private final JobScope scope;
        private final String videoId;
        private volatile String model;
        private volatile String size;
        private volatile String seconds;
        private final BigDecimal estimatedCost;
        private final Instant submittedAt;
        private final AtomicInteger loggedQuarter = new AtomicInteger();
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile String status = "queued";
        private volatile int progress;

        private TrackedJob(JobScope scope, String videoId, String model, String size, String seconds,
                           BigDecimal estimatedCost, Instant submittedAt) {
            this.scope = scope == null ? JobScope.NONE : scope;
            this.videoId = videoId;
            this.model = model;
            this.size = size;
            this.seconds = seconds;
            this.estimatedCost = estimatedCost;
            this.submittedAt = submittedAt;
        }

        /** Takes the status and progress of a fresh answer about this job. */
        public void update(Video video) {
            if (model == null) {
                model = video.model();
            }
            if (size == null) {
                size = video.size();
            }
            if (seconds == null) {
                seconds = video.seconds();
            }
            if (video.status() != null) {
                status = video.status();
            }
            if (video.progress() != null) {
                progress = Math.max(0, Math.min(100, video.progress()));
            }
            if (progress >= 100 || "completed".equals(status)) {
                // the completion line says it
                return;
            }
            int quarter = progress / 25;
            int previous = loggedQuarter.getAndAccumulate(quarter, Math::max);
            if (quarter > previous) {
                String now = status;
                scope.run(() -> LOG.info("Video {} at {} % ({}, {} s since submit)", videoId, quarter * 25, now,
                        age().toSeconds()));
            }
        }

        /**
         * The wait ended with a terminal status: completed counts as completed (with its render time, from the
         * server's timestamps when it gives both), anything else as failed with the job's error code or status.
         */
        public void finished(Video video) {
            if ("completed".equals(video.status())) {
                if (finished.compareAndSet(false, true)) {
                    Duration renderTime = video.createdAt() != null && video.completedAt() != null
                            && video.completedAt() >= video.createdAt()
                            ? Duration.ofSeconds(video.completedAt() - video.createdAt()) : age();
                    metrics.completed(scope.tags(), model, renderTime);
                    scope.run(() -> LOG.info("Video {} completed in {} s", videoId, renderTime.toSeconds()));
                }
            } else {
                failed(new SoraJobFailedException(videoId, video.status(),
                        video.error() == null ? null : video.error().code(),
                        video.error() == null ? null : video.error().message()));
            }
        }

        /** The wait ended without a completed job: failed on the server, timed out, stopped. */
        public void failed(Throwable error) {
            if (finished.compareAndSet(false, true)) {
                String reason = reason(error);
                metrics.failed(scope.tags(), model, reason);
                scope.run(() -> LOG.warn("Video {} failed after {} s ({})", videoId, age().toSeconds(), reason));
            }
        }

        public String videoId() {
            return videoId;
        }

        public String model() {
            return model;
        }

        public String size() {
            return size;
        }

        public String seconds() {
            return seconds;
        }

        public BigDecimal estimatedCost() {
            return estimatedCost;
        }

        public Instant submittedAt() {
            return submittedAt;
        }

        public String status() {
            return status;
        }

        public int progress() {
            return progress;
        }

        public Duration age() {
            return Duration.between(submittedAt, clock.instant());
        }
    }

    /** A short, low-cardinality reason for the failure metric: the job's error code, "timeout", "http_429", ... */
    static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof SoraJobFailedException failed) {
            return failed.getErrorCode() != null ? failed.getErrorCode() : String.valueOf(failed.getStatus());
        }
        if (cause instanceof SoraTimeoutException) {
            return "timeout";
        }
        if (cause instanceof SoraApiException api) {
            return "http_" + api.getStatusCode();
        }
        return cause == null ? "unknown" : cause.getClass().getSimpleName();
    }
}
