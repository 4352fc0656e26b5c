package io.github.camelsora.job;

import java.time.Duration;

/**
 * How often to ask for a job's status.
 *
 * @param minDelay the shortest delay between two status requests, and the first delay
 * @param maxDelay the longest delay between two status requests
 */
public record PollPolicy(Duration minDelay, Duration maxDelay) {

    public PollPolicy {
        if (minDelay.isNegative() || minDelay.isZero()) {
            throw new IllegalArgumentException("minDelay must be positive");
        }
        if (maxDelay.compareTo(minDelay) < 0) {
            maxDelay = minDelay;
        }
    }
}
