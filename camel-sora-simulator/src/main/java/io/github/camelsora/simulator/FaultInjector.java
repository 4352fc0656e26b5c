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
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One-shot faults queued per route (FIFO), each applied to the next request on that route: an HTTP error answered
 * instead, a connection dropped without an answer (before or after the request was processed), a body cut short,
 * or a delay before the request is handled.
 */
final class FaultInjector {

    /** One scripted fault. */
    sealed interface Fault permits Error, Drop, Truncate, Delay {
    }

    /** Answer this error instead of handling the request. */
    record Error(ApiException error) implements Fault {
    }

    /**
     * Close the connection without an answer. With {@code afterProcessing}, the request is handled first (a create
     * creates its job), so the client cannot know whether it took effect.
     */
    record Drop(boolean afterProcessing) implements Fault {
    }

    /** Send the headers (with the full Content-Length) and only this fraction of the body, then close. */
    record Truncate(double fraction) implements Fault {
    }

    /** Wait this long before handling the request (the answer is then normal). */
    record Delay(Duration delay) implements Fault {
    }

    private final Map<Route, Queue<Fault>> queued = new EnumMap<>(Route.class);

    FaultInjector() {
        for (Route route : Route.values()) {
            queued.put(route, new ConcurrentLinkedQueue<>());
        }
    }

    void enqueue(Route route, ApiException error) {
        enqueue(route, new Error(error));
    }

    void enqueue(Route route, Fault fault) {
        queued.get(route).add(fault);
    }

    Optional<Fault> next(Route route) {
        return Optional.ofNullable(queued.get(route).poll());
    }

    void clear() {
        queued.values().forEach(Queue::clear);
    }
}
