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
