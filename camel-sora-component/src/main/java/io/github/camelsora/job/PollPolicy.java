package io.github.camelsora.job;

import java.time.Duration;

/**
 * How often to ask for a job's status.
 *
 * @param firstDelay the delay before the first status request, and the base of the backoff while a job reports no
 *                   progress
 * @param maxDelay   the longest delay between two status requests; equal to {@code firstDelay}, the schedule is a
 *                   fixed interval
 */
public record PollPolicy(Duration firstDelay, Duration maxDelay) {

    /** The shortest step of the final approach to an estimated completion (or {@code firstDelay} if shorter). */
    static final Duration FINAL_STEP = Duration.ofSeconds(1);

    public PollPolicy {
        if (firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("firstDelay must be positive");
        }
        if (maxDelay.compareTo(firstDelay) < 0) {
            maxDelay = firstDelay;
        }
    }

    /** Whether every delay is {@link #maxDelay()}: the user asked for a fixed interval. */
    boolean fixed() {
        return firstDelay.equals(maxDelay);
    }

    /** The shortest delay between two status requests. */
    Duration minDelay() {
        return fixed() || firstDelay.compareTo(FINAL_STEP) < 0 ? firstDelay : FINAL_STEP;
    }
}
