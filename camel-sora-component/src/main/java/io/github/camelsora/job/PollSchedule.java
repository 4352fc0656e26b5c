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

/**
 * Decides when to ask again, so that a job costs about three status requests and is noticed about a second after
 * it completes:
 * <ol>
 * <li>the first request waits {@code firstDelay}; while the job reports no progress, the delay doubles;</li>
 * <li>at the first progress seen, assuming progress grew evenly since submission, we estimate the time left and
 * take a second look at 70 % of it: progress seen twice, far apart, gives a rate that no longer depends on how
 * long the job sat in a queue;</li>
 * <li>from the rate we aim at the estimated completion (plus 1 % and 100 ms, as progress is reported in whole
 * percent and rounded down); if the job is not done yet we step in at least 1 s apart.</li>
 * </ol>
 * The server's {@code openai-poll-after-ms} hint is a lower bound; {@code maxDelay} the upper bound. With
 * {@code firstDelay == maxDelay} the interval is fixed.
 */
final class PollSchedule {

    /** Below this many percent gained between two looks, the rate is too coarse to aim at the end. */
    private static final int CONFIDENT_GAIN = 10;
    private static final double SECOND_LOOK = 0.7;
    private static final long AIM_MARGIN_NANOS = 100_000_000L;

    private final PollPolicy policy;
    private final long startNanos;
    private Duration backoff;
    private long firstSeenNanos = -1;
    private int firstProgress;

    /** @param startNanos when the job was submitted, on the clock that {@link #next} is given */
    PollSchedule(PollPolicy policy, long startNanos) {
        this.policy = policy;
        this.startNanos = startNanos;
        this.backoff = policy.firstDelay();
    }

    Duration first() {
        return policy.fixed() ? policy.maxDelay() : policy.firstDelay();
    }

    Duration next(Integer progress, Duration serverHint, long nowNanos) {
        Duration delay = policy.fixed() ? policy.maxDelay() : estimate(progress, nowNanos);
        if (serverHint != null && serverHint.compareTo(delay) > 0) {
            delay = serverHint;
        }
        return clamp(delay);
    }

    private Duration estimate(Integer progress, long nowNanos) {
        if (progress == null || progress <= 0 || progress >= 100) {
            return backOff();
        }
        if (firstSeenNanos < 0) {
            firstSeenNanos = nowNanos;
            firstProgress = progress;
            long elapsed = nowNanos - startNanos;
            if (elapsed <= 0) {
                return backOff();
            }
            double remaining = (double) elapsed * (100 - progress) / progress;
            return Duration.ofNanos((long) (remaining * SECOND_LOOK));
        }
        int gained = progress - firstProgress;
        if (gained <= 0) {
            return backOff();
        }
        double remaining = (double) (nowNanos - firstSeenNanos) / gained * (100 - progress);
        if (gained < CONFIDENT_GAIN) {
            return Duration.ofNanos((long) (remaining * SECOND_LOOK));
        }
        return Duration.ofNanos((long) (remaining * 1.01) + AIM_MARGIN_NANOS);
    }

    private Duration backOff() {
        Duration current = backoff;
        backoff = clamp(backoff.multipliedBy(2));
        return current;
    }

    private Duration clamp(Duration delay) {
        if (delay.compareTo(policy.minDelay()) < 0) {
            return policy.minDelay();
        }
        return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
    }
}
