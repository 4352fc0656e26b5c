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
import java.io.IOException;
import java.util.Map;

/** {@code GET /v1/videos?after=&limit=&order=}: a cursor page of live jobs (VideoListResource). */
final class ListVideosHandler implements EndpointHandler {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final SimulatorState state;

    ListVideosHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public void handle(ApiExchange exchange, String videoId) throws IOException, ApiException {
        Map<String, String> query = exchange.query();
        int limit = limit(query.get("limit"));
        boolean ascending = ascending(query.get("order"));
        String after = query.get("after");
        Long afterSequence = afterSequence(after != null && state.dialect == Dialect.LITELLM ? OpaqueIds.decode(after) : after);

        ObjectNode page = Json.MAPPER.createObjectNode();
        page.put("object", "list");
        ArrayNode data = page.putArray("data");
        String firstId = null;
        String lastId = null;
        boolean hasMore = false;
        for (VideoJob job : state.jobs.page(ascending, afterSequence)) {
            if (data.size() == limit) {
                hasMore = true;
                break;
            }
            data.add(state.describe(job, state.snapshot(job)));
            firstId = firstId == null ? job.id() : firstId;
            lastId = job.id();
        }
        page.put("first_id", firstId);
        page.put("last_id", lastId);
        page.put("has_more", hasMore);
        exchange.sendJson(200, page);
    }

    private static int limit(String text) throws ApiException {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.invalidRequest("Invalid 'limit': expected an integer, but got '" + text + "' instead.",
                    "limit", "invalid_type");
        }
        if (limit < 1) {
            throw ApiException.invalidRequest("Invalid 'limit': integer below minimum value. Expected a value >= 1, but got "
                    + limit + " instead.", "limit", "integer_below_min_value");
        }
        if (limit > MAX_LIMIT) {
            throw ApiException.invalidRequest("Invalid 'limit': integer above maximum value. Expected a value <= " + MAX_LIMIT
                    + ", but got " + limit + " instead.", "limit", "integer_above_max_value");
        }
        return limit;
    }

    private static boolean ascending(String order) throws ApiException {
        if (order == null || order.equals("desc")) {
            return false;
        }
        if (order.equals("asc")) {
            return true;
        }
        throw ApiException.invalidValue("order", order, "'asc' and 'desc'");
    }

    /** The cursor may name a deleted video: its position in creation order is still known. */
    private Long afterSequence(String after) throws ApiException {
        if (after == null || after.isEmpty()) {
            return null;
        }
        return state.jobs.sequenceOf(after).orElseThrow(() -> ApiException.invalidRequest(
                "Invalid 'after': no video with id '" + after + "' was created.", "after", "invalid_value"));
    }
}
