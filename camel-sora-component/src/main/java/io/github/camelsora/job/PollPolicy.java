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
