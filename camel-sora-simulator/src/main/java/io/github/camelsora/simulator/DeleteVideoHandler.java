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

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** {@code DELETE /v1/videos/{id}}: removes the job (any status); later calls on the id answer 404. */
final class DeleteVideoHandler implements EndpointHandler {

    private final SimulatorState state;

    DeleteVideoHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public void handle(ApiExchange exchange, String videoId) throws IOException, ApiException {
        VideoJob job = state.jobs.remove(videoId).orElseThrow(() ->
                ApiException.notFound("No video found with id '" + videoId + "'.", "video_not_found"));
        if (state.dialect == Dialect.SGLANG) {
            // video_api.py delete_video: the job itself, marked deleted
            ObjectNode gone = state.describe(job, state.snapshot(job));
            gone.put("status", "deleted");
            exchange.sendJson(200, gone);
            return;
        }
        ObjectNode deleted = Json.MAPPER.createObjectNode();
        deleted.put("id", videoId);
        deleted.put("object", "video.deleted");
        deleted.put("deleted", true);
        exchange.sendJson(200, deleted);
    }
}
