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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelsora.simulator.SimClient.json;
import static io.github.camelsora.simulator.VideoAssertions.assertError;
import static io.github.camelsora.simulator.VideoAssertions.assertVideoResource;
import static org.assertj.core.api.Assertions.assertThat;

class DerivedVideosAndCharactersTest {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder().renderTime(Duration.ZERO).build();

    private static final byte[] MP4_HEAD = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
            'i', 's', 'o', 'm', 'm', 'p', '4', '2'};

    @Test
    void remixKeepsSizeAndLengthAndNamesItsSource() {
        SimClient client = new SimClient(SIM.simulator());
        String source = client.create("a fox");

        JsonNode remix = json(client.postJson("/videos/" + source + "/remix", "{\"prompt\":\"a fox at night\"}"));

        assertVideoResource(remix);
        assertThat(remix.get("remixed_from_video_id").asText()).isEqualTo(source);
        assertThat(remix.get("prompt").asText()).isEqualTo("a fox at night");
        assertThat(remix.get("seconds").asText()).isEqualTo("4");
        assertError(client.postJson("/videos/" + source + "/remix", "{\"prompt\":\"x\",\"seconds\":\"4\"}"), 400,
                "seconds", "unknown_parameter");
    }

    @Test
    void extensionsStitchSecondsAndStopAtTheLimits() {
        SimClient client = new SimClient(SIM.simulator());
        String id = client.create("a kite");
        for (int i = 1; i <= 6; i++) {
            JsonNode extended = json(client.postJson("/videos/extensions",
                    "{\"video\":{\"id\":\"" + id + "\"},\"prompt\":\"more\",\"seconds\":\"4\"}"));
            assertThat(extended.get("seconds").asText()).isEqualTo(Integer.toString(4 + 4 * i));
            id = extended.get("id").asText();
        }
        assertError(client.postJson("/videos/extensions", "{\"video\":{\"id\":\"" + id
                + "\"},\"prompt\":\"more\",\"seconds\":\"4\"}"), 400, "video", "extension_limit_reached");

        String longOne = json(client.postJson("/videos", "{\"prompt\":\"long\",\"seconds\":\"20\"}")).get("id").asText();
        for (int i = 0; i < 5; i++) {
            longOne = json(client.postJson("/videos/extensions", "{\"video\":{\"id\":\"" + longOne
                    + "\"},\"prompt\":\"more\",\"seconds\":\"20\"}")).get("id").asText();
        }
        assertError(client.postJson("/videos/extensions", "{\"video\":{\"id\":\"" + longOne
                + "\"},\"prompt\":\"more\",\"seconds\":\"8\"}"), 400, "seconds", "duration_above_max");
    }

    @Test
    void editsTakeAVideoReferenceInJsonOrMultipart() {
        SimClient client = new SimClient(SIM.simulator());
        String source = client.create("a boat");

        JsonNode edit = json(client.postMultipart("/videos/edits", new SimClient.Multipart()
                .field("prompt", "make it red").field("video[id]", source)));

        assertVideoResource(edit);
        assertThat(edit.get("prompt").asText()).isEqualTo("make it red");
        assertError(client.postJson("/videos/edits", "{\"prompt\":\"x\"}"), 400, "video", "missing_required_parameter");
        assertError(client.postJson("/videos/edits", "{\"prompt\":\"x\",\"video\":{\"id\":\"video_nope\"}}"), 404, null,
                "video_not_found");
    }

    @Test
    void charactersAreCreatedFromAnMp4AndFetchedById() {
        SimClient client = new SimClient(SIM.simulator());

        JsonNode character = json(client.postMultipart("/videos/characters", new SimClient.Multipart()
                .field("name", "Mossy").file("video", "mossy.mp4", "video/mp4", MP4_HEAD)));

        assertThat(character.get("id").asText()).startsWith("char_");
        assertThat(character.get("name").asText()).isEqualTo("Mossy");
        assertThat(json(client.get("/videos/characters/" + character.get("id").asText())).get("name").asText())
                .isEqualTo("Mossy");
        assertError(client.postMultipart("/videos/characters", new SimClient.Multipart()
                .field("name", "Png").file("video", "x.png", "video/mp4", TestImages.png(8, 8))), 400, "video",
                "unsupported_file_format");
        assertError(client.get("/videos/characters/char_nope"), 404, null, "character_not_found");
    }

    @Test
    void azureDialectServesOpenaiV1WithApiKeyAndDeployments() {
        try (SoraSimulator azure = SoraSimulator.builder().dialect(Dialect.AZURE).renderTime(Duration.ZERO).start()) {
            assertThat(azure.baseUrl()).endsWith("/openai/v1");
            SimClient client = new SimClient(azure);
            HttpResponse<byte[]> withKey = client.send(HttpRequest.newBuilder(java.net.URI.create(azure.baseUrl() + "/videos"))
                    .header("api-key", azure.apiKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"p\",\"model\":\"my-sora\",\"size\":\"1280x720\"}"))
                    .build());
            assertThat(withKey.statusCode()).isEqualTo(200);
            assertThat(json(withKey).get("model").asText()).isEqualTo("my-sora");
            assertError(client.postJson("{\"prompt\":\"p\",\"model\":\"my-sora\",\"size\":\"1792x1024\"}"), 400, "size",
                    "invalid_value");
        }
    }

    @Test
    void litellmDialectHidesIdsMislabelsContentAndHasNoDelete() throws Exception {
        try (SoraSimulator litellm = SoraSimulator.builder().dialect(Dialect.LITELLM).renderTime(Duration.ZERO).start()) {
            SimClient client = new SimClient(litellm);
            String id = client.create("opaque");
            assertThat(id).startsWith("video_");
            assertThat(new String(Base64.getDecoder().decode(id.substring(6)), StandardCharsets.UTF_8))
                    .startsWith("litellm:");
            String path = "/videos/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8);
            assertThat(json(client.get(path)).get("id").asText()).isEqualTo(id);
            HttpResponse<byte[]> thumbnail = client.get(path + "/content?variant=thumbnail");
            assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("video/mp4");
            assertThat(new String(thumbnail.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(client.delete(path).statusCode()).isEqualTo(405);
            assertThat(litellm.counters(litellm.backendId(id)).creates()).isEqualTo(1);
        }
    }
}
