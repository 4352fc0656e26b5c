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
package io.github.camelsora.api;

import java.time.Duration;

/**
 * A point in {@link System#nanoTime()} time after which a call is given up and its request in flight cancelled.
 * Every request to a provider carries one: the smaller of the request's own timeout and the deadline of the job or
 * operation it serves, so {@code timeout} and {@code downloadTimeout} hold even while a server keeps a request open.
 *
 * @param nanos the {@code System.nanoTime()} value at which the deadline passes; {@link Long#MAX_VALUE} for none
 */
public record Deadline(long nanos) {

    /** No deadline of its own: only the request's timeout applies. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    /** The deadline {@code timeout} from now. */
    public static Deadline in(Duration timeout) {
        long now = System.nanoTime();
        long span = timeout.toNanos();
        return new Deadline(Long.MAX_VALUE - now < span ? Long.MAX_VALUE : now + span);
    }

    /** Time left, never negative; {@code null} when there is no deadline. */
    public Duration remaining() {
        if (nanos == Long.MAX_VALUE) {
            return null;
        }
        return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
    }

    /** Whether the deadline has passed. */
    public boolean passed() {
        return nanos != Long.MAX_VALUE && System.nanoTime() - nanos >= 0;
    }

    /** Whether waiting {@code delay} from now would pass the deadline. */
    public boolean passedAfter(Duration delay) {
        return nanos != Long.MAX_VALUE && System.nanoTime() + delay.toNanos() - nanos > 0;
    }

    /** The smaller of this deadline and {@code timeout} from now: what one request may take. */
    public Duration cap(Duration timeout) {
        Duration left = remaining();
        return left == null || timeout.compareTo(left) <= 0 ? timeout : left;
    }

    /** The earlier of the two. */
    public Deadline min(Deadline other) {
        return nanos == Long.MAX_VALUE ? other : other.nanos == Long.MAX_VALUE ? this
                : nanos - other.nanos <= 0 ? this : other;
    }
}
