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
package io.github.camelsora.conformance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.google.genai.Client;
import com.google.genai.errors.ClientException;
import com.google.genai.types.GenerateVideosConfig;
import com.google.genai.types.GenerateVideosOperation;
import com.google.genai.types.GeneratedVideo;
import com.google.genai.types.HttpOptions;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.RecordedExchange;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Google's own client (com.google.genai:google-genai 1.80.0, Gemini API mode: the last line whose generateVideos
 * speaks predictLongRunning to the Gemini API; 2.x refuses it there) as a second opinion on the simulator's Gemini
 * dialect: generateVideos, the operation polled with {@code operations.getVideosOperation} until done, the video
 * downloaded with {@code files.download}, and the SDK's own error for a refused request.
 */
class GeminiSdkIT {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .dialect(Dialect.GEMINI)
            .apiKey("AIza-sim-sdk-key")
            .renderTime(Duration.ofMillis(500))
            .recordExchanges(true)
            .resetBeforeEach(true)
            .build();

    private static Client client() {
        return Client.builder()
                .apiKey(SIM.apiKey())
                .httpOptions(HttpOptions.builder().baseUrl(SIM.simulator().rootUrl()).apiVersion("v1beta").build())
                .build();
    }

    @Test
    void generateVideosPollDownload(@TempDir Path dir) throws Exception {
        try (Client client = client()) {
            GenerateVideosOperation created = client.models.generateVideos("veo-3.1-generate-preview",
                    "A lighthouse at dusk", null, GenerateVideosConfig.builder()
                            .aspectRatio("9:16").durationSeconds(4).negativePrompt("people").build());
            assertThat(created.name()).hasValueSatisfying(name ->
                    assertThat(name).startsWith("models/veo-3.1-generate-preview/operations/"));
            assertThat(created.done()).isEmpty();

            GenerateVideosOperation[] latest = { created };
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
                latest[0] = client.operations.getVideosOperation(latest[0], null);
                return latest[0].done().orElse(false);
            });

            GenerateVideosOperation done = latest[0];
            assertThat(done.error()).isEmpty();
            List<GeneratedVideo> videos = done.response().orElseThrow().generatedVideos().orElseThrow();
            assertThat(videos).hasSize(1);
            assertThat(videos.get(0).video().orElseThrow().uri().orElseThrow()).contains("/v1beta/files/");

            // the SDK takes the file name out of an https URI only (Transformers.tFileName); the simulator speaks
            // plain http on loopback, so the name is handed over as the SDK would have extracted it
            String uri = videos.get(0).video().orElseThrow().uri().orElseThrow();
            String fileName = "files/" + uri.replaceAll(".*/files/([a-z0-9]+):download.*", "$1");
            Path file = dir.resolve("veo.mp4");
            client.files.download(fileName, file.toString(), null);
            io.github.camelsora.Mp4AssertionsAccess.assertPlayableMp4(file.toFile(), 720, 1280, 4);
        }
        List<RecordedExchange> exchanges = SIM.simulator().recordedExchanges();
        assertThat(exchanges).allSatisfy(x -> assertThat(x.status()).isEqualTo(200));
        assertThat(exchanges.get(0).path()).isEqualTo("/v1beta/models/veo-3.1-generate-preview:predictLongRunning");
    }

    @Test
    void theSdkRefusesWhatTheGeminiApiRefuses() {
        try (Client client = client()) {
            // the SDK itself refuses a seed in Gemini API mode, before any request
            assertThatThrownBy(() -> client.models.generateVideos("veo-3.1-generate-preview", "A fox", null,
                    GenerateVideosConfig.builder().seed(7).build())).hasMessageContaining("seed");
            // the simulator refuses a clip length the model does not take, in Google's error shape
            assertThatThrownBy(() -> client.models.generateVideos("veo-3.1-generate-preview", "A fox", null,
                    GenerateVideosConfig.builder().durationSeconds(5).build()))
                    .isInstanceOf(ClientException.class)
                    .satisfies(e -> {
                        ClientException error = (ClientException) e;
                        assertThat(error.code()).isEqualTo(400);
                        assertThat(error.status()).isEqualTo("INVALID_ARGUMENT");
                    });
        }
        assertThat(SIM.simulator().totalCreates()).isZero();
    }
}
