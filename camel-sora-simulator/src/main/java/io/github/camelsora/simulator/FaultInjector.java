package io.github.camelsora.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** One-shot HTTP errors queued per route (FIFO), answered instead of the next request on that route. */
final class FaultInjector {

    private final Map<Route, Queue<ApiException>> queued = new EnumMap<>(Route.class);

    FaultInjector() {
        for (Route route : Route.values()) {
            queued.put(route, new ConcurrentLinkedQueue<>());
        }
    }

    void enqueue(Route route, ApiException error) {
        queued.get(route).add(error);
    }

    Optional<ApiException> next(Route route) {
        return Optional.ofNullable(queued.get(route).poll());
    }

    void clear() {
        queued.values().forEach(Queue::clear);
    }
}
