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
package io.github.camelsora.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Computes a job's status from the clock: {@code queued} for the first 10 % of the render time,
 * then {@code in_progress} with the elapsed percentage (1..99), then {@code completed} or {@code failed}.
 */
final class JobLifecycle {

    /** How long generated assets stay downloadable per the API (expires_at = completed_at + 1 h). */
    static final long ASSET_LIFETIME_SECONDS = 3600;

    private JobLifecycle() {
    }

    /**
     * @param assetLifetime when not null, a completed job turns {@code expired} this long after completing, and
     *                      its {@code expires_at} says so
     */
    static JobSnapshot snapshot(VideoJob job, Instant now, Duration assetLifetime) {
        long totalNanos = saturatedNanos(job.renderTime());
        long elapsedNanos = saturatedNanos(Duration.between(job.createdAt(), now));
        if (elapsedNanos >= totalNanos) {
            long finishedAt = job.finishesAt().getEpochSecond();
            if (job.failure() != null) {
                // a failed job produced nothing: no expiry, progress back to 0
                return new JobSnapshot(JobStatus.FAILED, 0, finishedAt, null, job.failure());
            }
            if (assetLifetime != null) {
                Instant expiresAt = job.finishesAt().plus(assetLifetime);
                JobStatus status = now.isBefore(expiresAt) ? JobStatus.COMPLETED : JobStatus.EXPIRED;
                return new JobSnapshot(status, 100, finishedAt, expiresAt.getEpochSecond(), null);
            }
            return new JobSnapshot(JobStatus.COMPLETED, 100, finishedAt, finishedAt + ASSET_LIFETIME_SECONDS, null);
        }
        if (elapsedNanos <= 0 || elapsedNanos < totalNanos / 10) {
            return new JobSnapshot(JobStatus.QUEUED, 0, null, null, null);
        }
        int progress = (int) Math.max(1, Math.min(99, percent(elapsedNanos, totalNanos)));
        return new JobSnapshot(JobStatus.IN_PROGRESS, progress, null, null, null);
    }

    /** Whole percent of elapsed/total, in integer arithmetic so 1.9 s of 10 s is exactly 19. */
    private static long percent(long elapsedNanos, long totalNanos) {
        if (elapsedNanos <= Long.MAX_VALUE / 100) {
            return elapsedNanos * 100 / totalNanos;
        }
        return (long) Math.floor((double) elapsedNanos / totalNanos * 100);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
