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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.types.GenerateVideosConfig;
import com.google.genai.types.GenerateVideosOperation;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Video;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Google's client (google-genai 1.80.0) in Vertex AI mode against the simulator's Vertex dialect: generateVideos
 * (predictLongRunning), getVideosOperation (which the SDK sends as fetchPredictOperation) until done, the video inline
 * as bytes; with outputGcsUri (storageUri) the video is named by its gs:// URI.
 */
class VertexSdkIT {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .dialect(Dialect.VERTEX)
            .apiKey("ya29.sim-sdk-token")
            .renderTime(Duration.ofMillis(500))
            .resetBeforeEach(true)
            .build();

    private static Client client() {
        GoogleCredentials token = GoogleCredentials.create(new AccessToken(SIM.apiKey(),
                new Date(System.currentTimeMillis() + 3_600_000)));
        return Client.builder().vertexAI(true).project("sim-project").location("us-central1").credentials(token)
                .httpOptions(HttpOptions.builder().baseUrl(SIM.simulator().rootUrl()).apiVersion("v1").build())
                .build();
    }

    private static GenerateVideosOperation untilDone(Client client, GenerateVideosOperation created) {
        GenerateVideosOperation[] latest = { created };
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            latest[0] = client.operations.getVideosOperation(latest[0], null);
            return latest[0].done().orElse(false);
        });
        return latest[0];
    }

    @Test
    void inlineVideo(@TempDir Path dir) throws Exception {
        try (Client client = client()) {
            GenerateVideosOperation done = untilDone(client, client.models.generateVideos("veo-3.1-generate-001",
                    "A lighthouse at dusk", null, GenerateVideosConfig.builder().aspectRatio("16:9")
                            .durationSeconds(4).seed(11).generateAudio(false).build()));

            assertThat(done.name().orElseThrow()).startsWith("projects/sim-project/locations/us-central1/publishers/"
                                                             + "google/models/veo-3.1-generate-001/operations/");
            Video video = done.response().orElseThrow().generatedVideos().orElseThrow().get(0).video().orElseThrow();
            Path file = dir.resolve("inline.mp4");
            Files.write(file, video.videoBytes().orElseThrow());
            io.github.camelsora.Mp4AssertionsAccess.assertPlayableMp4(file.toFile(), 1280, 720, 4);
        }
    }

    @Test
    void videoInCloudStorage() {
        try (Client client = client()) {
            GenerateVideosOperation done = untilDone(client, client.models.generateVideos("veo-3.1-fast-generate-001",
                    "A glacier", null, GenerateVideosConfig.builder().durationSeconds(4)
                            .outputGcsUri("gs://sim-bucket/sdk/").build()));

            Video video = done.response().orElseThrow().generatedVideos().orElseThrow().get(0).video().orElseThrow();
            assertThat(video.uri().orElseThrow()).matches("gs://sim-bucket/sdk/[0-9a-f-]{36}/sample_0\\.mp4");
            assertThat(video.videoBytes()).isEmpty();
        }
    }
}
