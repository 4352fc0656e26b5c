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
package io.github.camelsora.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The neutral options mapped to the marketplaces' fields, their statuses to the neutral ones, and their errors. */
class MarketplaceMappingTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void sizesBecomeRatiosAndResolutions() {
        assertThat(JsonCalls.aspectRatio("1280x720")).isEqualTo("16:9");
        assertThat(JsonCalls.aspectRatio("720x1280")).isEqualTo("9:16");
        assertThat(JsonCalls.aspectRatio("960x960")).isEqualTo("1:1");
        assertThat(JsonCalls.aspectRatio("1792x1024")).isEqualTo("16:9");
        assertThat(JsonCalls.aspectRatio("1024x768")).isEqualTo("4:3");
        assertThat(JsonCalls.resolution("1920x1080")).isEqualTo("1080p");
        assertThat(JsonCalls.resolution("720x1280")).isEqualTo("720p");
        assertThat(JsonCalls.aspectRatio("wide")).isNull();
    }

    @Test
    void providerOptionsGoOverTheMappedFieldsAndNullDropsOne() {
        VideoRequest request = new VideoRequest("a kite", "fal-ai/kling-video/v2.1/standard/text-to-video", "5",
                "1280x720", new VideoOptions(null, null, null, null, null, VideoOptions.parseObject(
                        "{\"negative_prompt\":\"blur\",\"resolution\":null,\"aspect_ratio\":\"1:1\"}")));
        JsonNode input = FalQueueClient.input(request, new InputReference.ImageUrl("https://example.com/a.png"));
        assertThat(input.toString()).isEqualTo("{\"prompt\":\"a kite\",\"duration\":\"5\",\"aspect_ratio\":\"1:1\","
                                               + "\"image_url\":\"https://example.com/a.png\",\"negative_prompt\":\"blur\"}");
        assertThat(ReplicateClient.input(request, null).path("aspect_ratio").asText()).isEqualTo("1:1");
        assertThat(BytePlusArkClient.body(new VideoRequest("a kite", "seedance-1-0-pro-250528", "5", "720x1280"), null)
                .toString()).isEqualTo("{\"model\":\"seedance-1-0-pro-250528\",\"content\":[{\"type\":\"text\","
                                       + "\"text\":\"a kite\"}],\"ratio\":\"9:16\",\"resolution\":\"720p\",\"duration\":5}");
        assertThatThrownBy(() -> FalQueueClient.input(request, new InputReference.FileId("file-1")))
                .isInstanceOf(SoraValidationException.class);
    }

    @Test
    void whatDecidesThePriceCannotComeThroughProviderOptions() {
        for (String field : java.util.List.of("duration", "seconds", "durationSeconds", "sampleCount", "n")) {
            assertThatThrownBy(() -> new VideoOptions(null, null, null, null, null, java.util.Map.of(field, 10)))
                    .isInstanceOf(SoraValidationException.class).hasMessageContaining("providerOptions." + field)
                    .hasMessageContaining("seconds");
        }
    }

    @Test
    void anAspectRatioIsCheckedAndWrittenWithAColonForEveryProvider() {
        VideoOptions wide = new VideoOptions("16x9", null, null, null, null, null);
        assertThat(wide.aspectRatio()).isEqualTo("16:9");
        VideoRequest request = new VideoRequest("a kite", "fal-ai/kling-video/v2.1/standard/text-to-video", "5",
                "1280x720", new VideoOptions(" 9x16 ", null, null, null, null, null));
        assertThat(FalQueueClient.input(request, null).path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(ReplicateClient.input(request, null).path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(BytePlusArkClient.body(request, null).path("ratio").asText()).isEqualTo("9:16");
        assertThatThrownBy(() -> new VideoOptions("wide", null, null, null, null, null))
                .isInstanceOf(SoraValidationException.class).hasMessageContaining("aspectRatio");
    }

    @Test
    void neutralParametersAreMappedOrRefusedBeforeAnythingIsSent() {
        VideoRequest request = new VideoRequest("a kite", "fal-ai/veo3", "8", "1280x720",
                new VideoOptions(null, null, "blur", 42L, null, null));
        assertThat(FalQueueClient.input(request, null).toString()).contains("\"negative_prompt\":\"blur\"",
                "\"seed\":42");
        assertThat(ReplicateClient.input(request, null).path("seed").asInt()).isEqualTo(42);
        assertThatThrownBy(() -> BytePlusArkClient.body(request, null)).isInstanceOf(SoraValidationException.class)
                .hasMessageContaining("negativePrompt");
        VideoRequest stored = new VideoRequest("a kite", "fal-ai/veo3", "8", "1280x720", null, null,
                "gs://bucket/x");
        assertThatThrownBy(() -> FalQueueClient.input(stored, null)).isInstanceOf(SoraValidationException.class);
    }

    @Test
    void falModelIdsNameTheirApp() {
        assertThat(FalQueueClient.app("fal-ai/kling-video/v2.1/standard/text-to-video")).isEqualTo("fal-ai/kling-video");
        assertThat(FalQueueClient.app("fal-ai/veo3")).isEqualTo("fal-ai/veo3");
        assertThatThrownBy(() -> FalQueueClient.app("veo3")).isInstanceOf(SoraValidationException.class);
    }

    @Test
    void predictionsAndTasksBecomeNeutralJobs() throws Exception {
        Video starting = ReplicateClient.video(json("{\"id\":\"p1\",\"status\":\"starting\"}"), null);
        assertThat(starting.status()).isEqualTo("queued");
        Video done = ReplicateClient.video(json("{\"id\":\"p1\",\"status\":\"succeeded\","
                                                + "\"output\":[\"https://replicate.delivery/a.mp4\"],"
                                                + "\"completed_at\":\"2026-11-29T10:00:00Z\"}"), null);
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.expiresAt()).isEqualTo(java.time.Instant.parse("2026-11-29T11:00:00Z").getEpochSecond());
        Video canceled = ReplicateClient.video(json("{\"id\":\"p1\",\"status\":\"canceled\"}"), null);
        assertThat(canceled.status()).isEqualTo("failed");
        assertThat(canceled.error().code()).isEqualTo("canceled");
        // a status Replicate adds later is not the end of a paid job: the wait goes on
        assertThat(ReplicateClient.video(json("{\"id\":\"p1\",\"status\":\"booting\"}"), null).status())
                .isEqualTo("in_progress");

        long now = 1_764_400_000L;
        Video running = BytePlusArkClient.video(json("{\"id\":\"cgt-1\",\"status\":\"running\"}"), now);
        assertThat(running.status()).isEqualTo("in_progress");
        Video succeeded = BytePlusArkClient.video(json("{\"id\":\"cgt-1\",\"status\":\"succeeded\",\"updated_at\":"
                                                       + (now - 100) + ",\"content\":{\"video_url\":\"https://x/a.mp4\"}}"),
                now);
        assertThat(succeeded.status()).isEqualTo("completed");
        assertThat(succeeded.expiresAt()).isEqualTo(now - 100 + 86_400);
        Video stale = BytePlusArkClient.video(json("{\"id\":\"cgt-1\",\"status\":\"succeeded\",\"updated_at\":"
                                                   + (now - 90_000) + ",\"content\":{\"video_url\":\"https://x/a.mp4\"}}"),
                now);
        assertThat(stale.status()).isEqualTo("expired");
        Video failed = BytePlusArkClient.video(json("{\"id\":\"cgt-1\",\"status\":\"failed\",\"error\":{\"code\":"
                                                    + "\"InputTextSensitiveContentDetected\",\"message\":\"no\"}}"), now);
        assertThat(failed.error().code()).isEqualTo("InputTextSensitiveContentDetected");
    }

    @Test
    void errorsInEachShapeAndSignedUrlsWithoutTheirSignature() throws Exception {
        assertThat(JsonCalls.error(json("{\"error\":{\"code\":\"InvalidParameter\",\"message\":\"bad ratio\"}}"), 400)
                .code()).isEqualTo("InvalidParameter");
        assertThat(JsonCalls.error(json("{\"detail\":\"Invalid token\"}"), 401).message()).isEqualTo("Invalid token");
        assertThat(JsonCalls.error(json("{\"title\":\"Unauthenticated\",\"detail\":\"You did not pass a token\"}"), 401)
                .message()).isEqualTo("You did not pass a token");
        assertThat(JsonCalls.error(null, 502).message()).isEqualTo("HTTP 502");
        assertThat(SoraFetchException.withoutQuery("https://tos.example/a.mp4?X-Tos-Signature=abc&X-Tos-Expires=1"))
                .isEqualTo("https://tos.example/a.mp4?...");
        assertThat(SoraFetchException.withoutQuery("https://v3.fal.media/a.mp4")).isEqualTo("https://v3.fal.media/a.mp4");
    }
}
