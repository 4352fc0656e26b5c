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

import java.io.IOException;

/** {@code GET /v1/videos/{id}}: the job's current state, computed from the clock. */
final class RetrieveVideoHandler implements EndpointHandler {

    static final String POLL_AFTER_HEADER = "openai-poll-after-ms";

    private final SimulatorState state;

    RetrieveVideoHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public void handle(ApiExchange exchange, String videoId) throws IOException, ApiException {
        VideoJob job = state.requireJob(videoId);
        JobSnapshot snapshot = state.snapshot(job);
        Long pollAfterMs = state.pollAfterMs();
        if (pollAfterMs != null && !snapshot.status().isTerminal()) {
            // the python SDK's poll() reads this hint from the first non-terminal answer
            exchange.setHeader(POLL_AFTER_HEADER, Long.toString(pollAfterMs));
        }
        state.counters.statusRead(videoId);
        exchange.sendJson(200, state.describe(job, snapshot));
    }
}
