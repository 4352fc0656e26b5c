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
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreateValidationTest {

    private static SoraSimulator sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = SoraSimulator.builder().renderTime(Duration.ofMinutes(1)).start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static Stream<Arguments> invalidBodies() {
        String tooLong = "x".repeat(32_001);
        return Stream.of(
                Arguments.of("{}", "prompt", "missing_required_parameter", "Missing required parameter: 'prompt'."),
                Arguments.of("{\"prompt\":\"\"}", "prompt", "string_below_min_length", "string too short"),
                Arguments.of("{\"prompt\":\"" + tooLong + "\"}", "prompt", "string_above_max_length",
                        "maximum length 32000, but got a string with length 32001"),
                Arguments.of("{\"prompt\":42}", "prompt", "invalid_type",
                        "Invalid type for 'prompt': expected a string, but got an integer instead."),
                Arguments.of("{\"prompt\":\"p\",\"seconds\":8}", "seconds", "invalid_type",
                        "Invalid type for 'seconds': expected a string, but got an integer instead."),
                Arguments.of("{\"prompt\":\"p\",\"seconds\":\"5\"}", "seconds", "invalid_value",
                        "Invalid value: '5'. Supported values are: '4', '8', '12', '16', and '20'."),
                Arguments.of("{\"prompt\":\"p\",\"size\":\"1920x1080\"}", "size", "invalid_value",
                        "Supported values for model 'sora-2' are: '720x1280' and '1280x720'."),
                Arguments.of("{\"prompt\":\"p\",\"model\":\"sora-2-2025-12-08\",\"size\":\"1024x1792\"}", "size",
                        "invalid_value", "model 'sora-2-2025-12-08'"),
                Arguments.of("{\"prompt\":\"p\",\"size\":\"640x480\"}", "size", "invalid_value", "Invalid value: '640x480'."),
                Arguments.of("{\"prompt\":\"p\",\"model\":\"sora-3\"}", "model", "invalid_value", "Invalid value: 'sora-3'."),
                Arguments.of("{\"prompt\":\"p\",\"quality\":\"high\"}", "quality", "unknown_parameter",
                        "Unknown parameter: 'quality'."),
                Arguments.of("{\"prompt\":\"p\",\"n\":2}", "n", "unknown_parameter", "Unknown parameter: 'n'."));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void invalidJsonCreateIsA400NamingTheParam(String body, String param, String code, String messagePart) {
        int createsBefore = sim.totalCreates();

        JsonNode error = assertError(client.postJson(body), 400, param, code);

        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("message").asText()).contains(messagePart);
        assertThat(sim.totalCreates()).isEqualTo(createsBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sora-2", "sora-2-pro", "sora-2-2025-10-06", "sora-2-pro-2025-10-06", "sora-2-2025-12-08"})
    void everyKnownModelIsAccepted(String model) {
        assertThat(client.postJson("{\"prompt\":\"p\",\"model\":\"" + model + "\",\"size\":\"1280x720\"}").statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"720x1280", "1280x720", "1024x1792", "1792x1024", "1920x1080", "1080x1920"})
    void proModelsAcceptEverySize(String size) {
        assertThat(client.postJson("{\"prompt\":\"p\",\"model\":\"sora-2-pro\",\"size\":\"" + size + "\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void promptOfExactly32000CharactersIsAccepted() {
        assertThat(client.postJson("{\"prompt\":\"" + "y".repeat(32_000) + "\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsA400() {
        assertError(client.postJson("{\"prompt\":"), 400, null, null);
        assertError(client.postJson("[\"prompt\"]"), 400, null, "invalid_type");
    }

    @Test
    void unsupportedContentTypeIsA400() {
        var response = client.send(client.request("/videos").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("prompt=p")).build());
        assertError(response, 400, null, "unsupported_content_type");
    }
}
