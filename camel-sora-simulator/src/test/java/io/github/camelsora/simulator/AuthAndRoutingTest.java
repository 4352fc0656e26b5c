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

import static io.github.camelsora.simulator.VideoAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthAndRoutingTest {

    private static final String KEY = "sk-sim-secret-4711";

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder().apiKey(KEY).build();

    private HttpResponse<byte[]> getWithAuthorization(String path, String authorization) {
        SimClient client = new SimClient(SIM.simulator());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SIM.baseUrl() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build());
    }

    @Test
    void missingKeyIs401() {
        JsonNode error = assertError(getWithAuthorization("/videos", null), 401, null, "invalid_api_key");
        assertThat(error.get("message").asText()).doesNotContain(KEY);
    }

    @Test
    void wrongKeyIs401WithoutEchoingAnyKey() {
        JsonNode error = assertError(getWithAuthorization("/videos", "Bearer sk-wrong-0815"), 401, null, "invalid_api_key");

        assertThat(error.get("message").asText()).doesNotContain("sk-wrong-0815").doesNotContain(KEY).doesNotContain("0815");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void nonBearerSchemeIs401() {
        assertError(getWithAuthorization("/videos", "Basic " + KEY), 401, null, "invalid_api_key");
    }

    @Test
    void rightKeyIsAccepted() {
        assertThat(getWithAuthorization("/videos", "Bearer " + KEY).statusCode()).isEqualTo(200);
        assertThat(SIM.apiKey()).isEqualTo(KEY);
    }

    @Test
    void unknownVideoIs404OnEveryPerVideoEndpoint() {
        SimClient client = new SimClient(SIM.simulator());
        String id = "video_" + "0".repeat(32);

        assertError(client.get("/videos/" + id), 404, null, "video_not_found");
        assertError(client.delete("/videos/" + id), 404, null, "video_not_found");
        assertError(client.get("/videos/" + id + "/content"), 404, null, "video_not_found");
    }

    @Test
    void unknownPathIs404() {
        SimClient client = new SimClient(SIM.simulator());
        assertError(client.get("/models"), 404, null, null);
        assertError(client.get("/videos/abc/frames"), 404, null, null);
        assertError(client.send(client.request("/videos/abc/frames").POST(HttpRequest.BodyPublishers.ofString("{}")).build()),
                404, null, null);
    }

    @Test
    void wrongMethodIs405WithAllowHeader() {
        SimClient client = new SimClient(SIM.simulator());
        HttpResponse<byte[]> put = client.send(client.request("/videos").PUT(HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<byte[]> postOnItem = client.send(client.request("/videos/video_1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        HttpResponse<byte[]> deleteContent = client.delete("/videos/video_1/content");

        assertError(put, 405, null, "method_not_allowed");
        assertThat(put.headers().firstValue("allow")).hasValue("GET, POST");
        assertError(postOnItem, 405, null, "method_not_allowed");
        assertError(deleteContent, 405, null, "method_not_allowed");
    }

    @Test
    void everyResponseCarriesAFreshRequestId() {
        SimClient client = new SimClient(SIM.simulator());
        Set<String> ids = new HashSet<>();
        ids.add(client.get("/videos").headers().firstValue("x-request-id").orElseThrow());
        ids.add(getWithAuthorization("/videos", null).headers().firstValue("x-request-id").orElseThrow());
        ids.add(client.get("/nowhere").headers().firstValue("x-request-id").orElseThrow());
        ids.add(client.postJson("{\"prompt\":\"p\"}").headers().firstValue("x-request-id").orElseThrow());

        assertThat(ids).hasSize(4).allSatisfy(id -> assertThat(id).matches("req_[0-9a-f]{32}"));
    }
}
