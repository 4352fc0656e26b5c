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
package io.github.camelsora.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsora.media.Mp4Info;
import io.github.camelsora.media.Mp4Inspector;
import io.github.camelsora.simulator.SoraSimulator;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The application as configured by its application.yaml, on a random port, against the simulator. */
@CamelSpringBootTest
@SpringBootTest(classes = VideoStudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VideoStudioApplicationIT {

    static final SoraSimulator SIM = SoraSimulator.builder().apiKey("sk-sim-studio-it")
            .renderTime(Duration.ofSeconds(1)).start();
    static final Path VIDEOS = temporaryDirectory();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry properties) {
        // what SORA_BASE_URL, SORA_API_KEY and VIDEOS_FOLDER would give application.yaml
        properties.add("SORA_BASE_URL", SIM::baseUrl);
        properties.add("SORA_API_KEY", SIM::apiKey);
        properties.add("VIDEOS_FOLDER", VIDEOS::toString);
        properties.add("camel.component.sora.poll-delay", () -> "200ms");
    }

    @AfterAll
    static void stop() {
        SIM.close();
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPromptPostedOverHttpAnswersTheVideoIdAtOnceAndTheVideoLandsInTheFolder() throws Exception {
        SIM.renderTimeWhenPromptContains("[slow]", Duration.ofSeconds(4));
        HttpResponse<String> response = post("[slow] A paper lantern drifting up at night");

        // the answer comes while the job is still rendering
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = new ObjectMapper().readTree(response.body());
        String videoId = answer.path("videoId").asText();
        assertThat(answer.path("status").asText()).isIn("queued", "in_progress");
        assertThat(SIM.createdVideoIds()).containsExactly(videoId);
        Path video = VIDEOS.resolve(videoId + ".mp4");
        assertThat(video).doesNotExist();

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(video));
        assertThat(SIM.totalCreates()).isEqualTo(1);
        Mp4Info info = Mp4Inspector.inspect(video);
        assertThat(info.videoCodec()).isEqualTo("avc1");
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.height()).isEqualTo(720);
        assertThat(info.durationSeconds()).isCloseTo(4.0, within(0.5));
    }

    @Test
    void anEmptyPromptIsTheCallersMistake() throws Exception {
        int before = SIM.totalCreates();
        HttpResponse<String> response = post("");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("prompt");
        assertThat(SIM.totalCreates()).isEqualTo(before);
    }

    private HttpResponse<String> post(String prompt) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/videos"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(prompt)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("camel-sora-studio");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
