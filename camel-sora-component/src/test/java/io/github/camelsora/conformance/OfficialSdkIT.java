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

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDeleteResponse;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoListParams;
import com.openai.models.videos.VideoRemixParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import io.github.camelsora.TestImagesAccess;
import io.github.camelsora.simulator.RecordedExchange;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The official Java SDK (com.openai:openai-java 4.101.0, the last line with the videos service) as a second opinion
 * on the simulator: create (multipart, as the SDK sends it), retrieve, list, download (with the SDK's
 * {@code Accept: application/binary}), remix and delete all succeed, and every exchange conforms to the description.
 */
class OfficialSdkIT {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ofMillis(300))
            .recordExchanges(true)
            .build();

    private static OpenAIClient client;

    @BeforeAll
    static void connect() {
        client = OpenAIOkHttpClient.builder().apiKey(SIM.apiKey()).baseUrl(SIM.baseUrl()).maxRetries(0).build();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void theSdkRunsTheWholeLifecycleAgainstTheSimulator(@TempDir Path dir) throws Exception {
        // raw bytes go without a file name and are refused like the real API does (openai-java#640); a Path has one
        Path reference = Files.write(dir.resolve("first-frame.png"), TestImagesAccess.png(1280, 720));
        Video created = client.videos().create(VideoCreateParams.builder()
                .prompt("A calico cat playing a piano on stage")
                .model("sora-2")
                .seconds(VideoSeconds._4)
                .size(VideoSize._1280X720)
                .inputReference(reference)
                .build());
        assertThat(created.id()).startsWith("video_");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                Video.Status.COMPLETED.equals(client.videos().retrieve(created.id()).status()));

        List<String> listed = new ArrayList<>();
        client.videos().list(VideoListParams.builder().limit(10).order(VideoListParams.Order.DESC).build())
                .autoPager().forEach(video -> listed.add(video.id()));
        assertThat(listed).contains(created.id());

        try (HttpResponse content = client.videos().downloadContent(created.id())) {
            assertThat(content.statusCode()).isEqualTo(200);
            try (InputStream body = content.body()) {
                byte[] head = body.readNBytes(8);
                assertThat(new String(head, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
            }
        }
        try (HttpResponse thumbnail = client.videos().downloadContent(created.id(), VideoDownloadContentParams.builder()
                .variant(VideoDownloadContentParams.Variant.THUMBNAIL).build())) {
            assertThat(thumbnail.statusCode()).isEqualTo(200);
        }

        Video remix = client.videos().remix(created.id(), VideoRemixParams.builder().prompt("The cat takes a bow").build());
        assertThat(remix.remixedFromVideoId()).hasValue(created.id());

        VideoDeleteResponse deleted = client.videos().delete(created.id());
        assertThat(deleted.deleted()).isTrue();

        List<RecordedExchange> exchanges = SIM.simulator().recordedExchanges();
        assertThat(exchanges).anyMatch(e -> "application/binary".equals(e.requestHeaders().get("accept")));
        assertThat(exchanges).anyMatch(e -> e.method().equals("POST") && e.path().equals("/v1/videos")
                                            && e.requestContentType().startsWith("multipart/form-data"));
        OpenApiContract contract = new OpenApiContract();
        for (RecordedExchange exchange : exchanges) {
            contract.check(exchange, "/v1");
        }
    }
}
