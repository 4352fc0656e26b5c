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

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * {@code GET /_simulator/jobs?prompt_contains=TAG}: what the simulator knows about each job, for benchmarks that
 * run the simulator in another process: when it was created, when it is (or was) marked completed, and how many
 * status reads and downloads it received. Not part of the videos protocol; needs the same bearer key.
 */
final class JobReportHandler implements HttpHandler {

    static final String PATH = "/_simulator/jobs";

    private final SimulatorState state;

    JobReportHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        ApiExchange exchange = new ApiExchange(http);
        try {
            if (!authorized(exchange.requestHeader("Authorization"))) {
                exchange.sendError(new ApiException(401, ApiException.INVALID_REQUEST,
                        "The job report needs the simulator's bearer key.", null, "invalid_api_key",
                        Map.of("WWW-Authenticate", "Bearer")));
                return;
            }
            String tag = exchange.query().get("prompt_contains");
            ArrayNode jobs = Json.MAPPER.createArrayNode();
            for (String id : state.jobs.createdIds()) {
                VideoJob job = state.jobs.find(id).orElse(null);
                if (job == null || (tag != null && !job.prompt().contains(tag))) {
                    continue;
                }
                VideoCounters counters = state.counters.forVideo(id);
                ObjectNode node = jobs.addObject();
                node.put("id", id);
                node.put("created_at_ms", job.createdAt().toEpochMilli());
                node.put("finishes_at_ms", job.finishesAt().toEpochMilli());
                node.put("status_reads", counters.statusReads());
                node.put("downloads", counters.downloads());
            }
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.set("data", jobs);
            exchange.sendJson(200, body);
        } finally {
            http.close();
        }
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                state.apiKey.getBytes(StandardCharsets.UTF_8));
    }
}
