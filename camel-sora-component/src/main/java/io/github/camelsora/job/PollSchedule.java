package io.github.camelsora.job;

import java.time.Duration;

/**
 * Decides when to ask again. A job that reports progress tells us how fast it renders: from the progress made
 * since we first saw it, we estimate the time left and aim the next request at the estimated completion, so a
 * long job costs a handful of requests instead of one every few seconds. Without progress, the delay grows
 * geometrically from the minimum. A server hint ({@code openai-poll-after-ms}) is a lower bound.
 */
final class PollSchedule {

    private final PollPolicy policy;
    private Duration backoff;
    private long firstSeenNanos = -1;
    private int firstProgress;

    PollSchedule(PollPolicy policy) {
        this.policy = policy;
        this.backoff = policy.minDelay();
    }

    Duration first() {
        return policy.minDelay();
    }

    Duration next(Integer progress, Duration serverHint, long nowNanos) {
        Duration delay = estimate(progress, nowNanos);
        if (serverHint != null && serverHint.compareTo(delay) > 0) {
            delay = serverHint;
        }
        return clamp(delay);
    }

    private Duration estimate(Integer progress, long nowNanos) {
        if (progress == null || progress <= 0 || progress >= 100) {
            Duration current = backoff;
            backoff = clamp(backoff.multipliedBy(2));
            return current;
        }
        if (firstSeenNanos < 0) {
            firstSeenNanos = nowNanos;
            firstProgress = progress;
            return policy.minDelay();
        }
        int gained = progress - firstProgress;
        if (gained <= 0) {
            Duration current = backoff;
            backoff = clamp(backoff.multipliedBy(2));
            return current;
        }
        double nanosPerPercent = (double) (nowNanos - firstSeenNanos) / gained;
        long remaining = (long) (nanosPerPercent * (100 - progress));
        return Duration.ofNanos(remaining);
    }

    private Duration clamp(Duration delay) {
        if (delay.compareTo(policy.minDelay()) < 0) {
            return policy.minDelay();
        }
        return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
    }
}
