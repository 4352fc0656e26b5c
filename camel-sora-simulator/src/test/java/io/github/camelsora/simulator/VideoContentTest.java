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

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VideoContentTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static SoraSimulator sim;
    private static SimClient client;
    private static String completedId;

    @BeforeAll
    static void startAndCompleteOneJob() {
        sim = SoraSimulator.builder().clock(CLOCK).renderTime(Duration.ofSeconds(30)).start();
        client = new SimClient(sim);
        completedId = SimClient.json(client.postJson("{\"prompt\":\"content test\",\"size\":\"1280x720\"}"))
                .get("id").asText();
        CLOCK.advance(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void videoVariantIsAWholeMp4WithContentLength() {
        HttpResponse<byte[]> response = client.get("/videos/" + completedId + "/content");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("video/mp4");
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(response.body().length);
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        assertThat(new String(response.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(client.get("/videos/" + completedId + "/content?variant=video").body()).isEqualTo(response.body());
    }

    @Test
    void thumbnailIsWebpOfTheVideoSize() throws IOException {
        HttpResponse<byte[]> response = client.get("/videos/" + completedId + "/content?variant=thumbnail");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("image/webp");
        byte[] body = response.body();
        assertThat(new String(body, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(body, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(body));
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(720);
    }

    @Test
    void spritesheetIsJpeg() {
        HttpResponse<byte[]> response = client.get("/videos/" + completedId + "/content?variant=spritesheet");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("image/jpeg");
        assertThat(Arrays.copyOf(response.body(), 2)).containsExactly(0xFF, 0xD8);
    }

    @Test
    void unknownVariantIs400() {
        assertError(client.get("/videos/" + completedId + "/content?variant=poster"), 400, "variant", "invalid_value");
    }

    @Test
    void contentBeforeCompletionIsAnErrorNotPartialContent() {
        String id = client.create("not ready yet");
        int downloadsBefore = sim.totalDownloads();

        var queued = assertError(client.get("/videos/" + id + "/content"), 400, null, "video_not_ready");
        CLOCK.advance(Duration.ofSeconds(15));
        var inProgress = assertError(client.get("/videos/" + id + "/content?variant=thumbnail"), 400, null, "video_not_ready");

        assertThat(queued.get("message").asText()).contains("queued");
        assertThat(inProgress.get("message").asText()).contains("in_progress");
        assertThat(sim.totalDownloads()).isEqualTo(downloadsBefore);
    }

    @Test
    void paddedVideoHasTheRequestedSize() {
        sim.videoBytesWhenPromptContains("[big]", 3_000_000);
        String id = client.create("a [big] download");
        CLOCK.advance(Duration.ofSeconds(30));

        HttpResponse<byte[]> response = client.get("/videos/" + id + "/content");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(3_000_000);
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(3_000_000);
        assertThat(new String(response.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }
}
