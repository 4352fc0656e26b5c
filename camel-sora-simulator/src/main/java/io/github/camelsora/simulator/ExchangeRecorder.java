package io.github.camelsora.simulator;

import java.util.ArrayList;
import java.util.List;

/** Keeps every exchange while recording is on; off by default, so long runs keep no request bodies. */
final class ExchangeRecorder {

    private final List<RecordedExchange> exchanges = new ArrayList<>();
    private volatile boolean enabled;

    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    synchronized void add(RecordedExchange exchange) {
        exchanges.add(exchange);
    }

    synchronized List<RecordedExchange> all() {
        return List.copyOf(exchanges);
    }

    synchronized void clear() {
        exchanges.clear();
    }
}
