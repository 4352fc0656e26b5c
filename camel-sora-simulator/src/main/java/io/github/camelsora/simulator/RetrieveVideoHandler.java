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
