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

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;

/** Shape checks against the OpenAPI schemas (VideoResource, ErrorResponse). */
final class VideoAssertions {

    static final List<String> VIDEO_RESOURCE_KEYS = List.of("id", "object", "model", "status", "progress", "created_at",
            "completed_at", "expires_at", "prompt", "size", "seconds", "remixed_from_video_id", "error");

    private VideoAssertions() {
    }

    static void assertVideoResource(JsonNode video) {
        List<String> keys = new java.util.ArrayList<>();
        video.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(VIDEO_RESOURCE_KEYS);
        assertThat(video.get("id").asText()).matches("video_[0-9a-f]{32}");
        assertThat(video.get("object").asText()).isEqualTo("video");
        assertThat(video.get("status").asText()).isIn("queued", "in_progress", "completed", "failed");
        assertThat(video.get("progress").isInt()).isTrue();
        assertThat(video.get("created_at").isIntegralNumber()).isTrue();
        assertThat(video.get("seconds").isTextual()).isTrue();
        assertThat(video.get("size").isTextual()).isTrue();
    }

    /** Asserts an ErrorResponse with the given status, param and code; returns the error object. */
    static JsonNode assertError(HttpResponse<byte[]> response, int status, String param, String code) {
        assertThat(response.statusCode()).as(SimClient.text(response)).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().firstValue("x-request-id")).hasValueSatisfying(id -> assertThat(id).matches("req_[0-9a-f]{32}"));
        JsonNode root = SimClient.json(response);
        assertThat(root.size()).isEqualTo(1);
        JsonNode error = root.get("error");
        assertThat(error).isNotNull();
        List<String> keys = new java.util.ArrayList<>();
        error.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("message", "type", "param", "code");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("param").isNull() ? null : error.get("param").asText()).isEqualTo(param);
        assertThat(error.get("code").isNull() ? null : error.get("code").asText()).isEqualTo(code);
        return error;
    }
}
