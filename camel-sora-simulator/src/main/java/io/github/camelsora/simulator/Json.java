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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON helpers: one shared mapper and the response shapes of the OpenAPI document. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** {@code VideoResource}: every required key is present, null where unknown. */
    static ObjectNode video(VideoJob job, JobSnapshot state) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", job.id());
        node.put("object", "video");
        node.put("model", job.model());
        node.put("status", state.status().wireName());
        node.put("progress", state.progress());
        node.put("created_at", job.createdAt().getEpochSecond());
        node.put("completed_at", state.completedAt());
        node.put("expires_at", state.expiresAt());
        node.put("prompt", job.prompt());
        node.put("size", job.size().toString());
        node.put("seconds", Integer.toString(job.seconds()));
        node.put("remixed_from_video_id", job.remixedFromVideoId());
        if (state.error() == null) {
            node.putNull("error");
        } else {
            ObjectNode error = node.putObject("error");
            error.put("code", state.error().code());
            error.put("message", state.error().message());
        }
        return node;
    }

    /** {@code ErrorResponse}: {"error":{"message","type","param","code"}}. */
    static ObjectNode error(ApiException e) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", e.getMessage());
        error.put("type", e.type());
        error.put("param", e.param());
        error.put("code", e.code());
        return root;
    }

    /** How the API names a JSON value's type in "expected X, but got Y instead" messages. */
    static String typeName(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isIntegralNumber()) {
            return "an integer";
        }
        if (value.isNumber()) {
            return "a decimal";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        return "null";
    }
}
