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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Google wire details: streamed base64 results, operation names as paths, sizes, operation states. */
class GoogleVeoWireTest {

    @TempDir
    Path dir;

    @Test
    void aBase64VideoIsDecodedIntoTheFileWhateverTheChunkBoundaries() throws Exception {
        byte[] video = new byte[300_001];
        new Random(7).nextBytes(video);
        String base64 = Base64.getEncoder().encodeToString(video).replace("/", "\\/"); // a JSON writer may escape /
        String json = "{\"name\":\"projects/p/locations/l/publishers/google/models/m/operations/1\",\"done\":true,"
                      + "\"response\":{\"videos\":[{\"bytesBase64Encoded\" : \"" + base64
                      + "\",\"mimeType\":\"video/mp4\"},{\"bytesBase64Encoded\":\"QUJD\"}]}}";
        for (int chunk : new int[] { 1, 7, 4096, 1 << 20 }) {
            Path file = dir.resolve("v" + chunk + ".mp4");
            Base64FieldConsumer.Result result = receive(new Base64FieldConsumer("bytesBase64Encoded", file, 1 << 24,
                    1 << 16), 200, json, chunk);

            assertThat(result.decoded()).isTrue();
            assertThat(result.bytes()).isEqualTo(video.length);
            assertThat(Files.readAllBytes(file)).isEqualTo(video);
            JsonNode rest = Json.MAPPER.readTree(result.json());
            assertThat(rest.path("response").path("videos").path(0).path("bytesBase64Encoded").asText()).isEmpty();
            assertThat(rest.path("response").path("videos").path(0).path("mimeType").asText()).isEqualTo("video/mp4");
            // a second video is skipped, not kept
            assertThat(rest.path("response").path("videos").path(1).path("bytesBase64Encoded").asText()).isEmpty();
        }
    }

    @Test
    void withoutAFileTheVideoIsSkippedAndNothingIsKept() throws Exception {
        String json = "{\"done\":true,\"response\":{\"videos\":[{\"bytesBase64Encoded\":\""
                      + "A".repeat(200_000) + "\"}]}}";

        Base64FieldConsumer.Result result = receive(new Base64FieldConsumer("bytesBase64Encoded", null, 1 << 24,
                1 << 12), 200, json, 8192);

        assertThat(result.decoded()).isFalse();
        assertThat(result.json().length).isLessThan(100);
    }

    @Test
    void aVideoOverTheCapIsRefused() {
        String json = "{\"bytesBase64Encoded\":\"" + Base64.getEncoder().encodeToString(new byte[200_000]) + "\"}";

        assertThatThrownBy(() -> receive(new Base64FieldConsumer("bytesBase64Encoded", dir.resolve("x.mp4"), 100_000,
                1 << 12), 200, json, 65536)).isInstanceOf(ResponseTooLargeException.class);
    }

    @Test
    void operationNamesBecomePathsSegmentBySegment() {
        assertThat(GoogleLroClient.operationPath("models/veo-3.1-generate-preview/operations/ab c+d"))
                .isEqualTo("models/veo-3.1-generate-preview/operations/ab%20c%2Bd");
        for (String bad : new String[] { "/models/x", "models//x", "models/../x", "models/./x", "" }) {
            assertThatThrownBy(() -> GoogleLroClient.operationPath(bad)).isInstanceOf(SoraValidationException.class);
        }
        assertThat(GoogleLroClient.modelOf("projects/p/locations/l/publishers/google/models/veo-3.1-generate-001"
                                           + "/operations/u")).isEqualTo("veo-3.1-generate-001");
        assertThat(GoogleLroClient.modelSegment("models/veo-2.0-generate-001")).isEqualTo("veo-2.0-generate-001");
        assertThatThrownBy(() -> GoogleLroClient.modelSegment("../files")).isInstanceOf(SoraValidationException.class);
    }

    @Test
    void sizesBecomeAspectRatioAndResolution() {
        assertThat(GoogleLroClient.VeoSize.of("1080x1920")).isEqualTo(new GoogleLroClient.VeoSize("9:16", "1080p"));
        assertThat(GoogleLroClient.VeoSize.of("3840x2160")).isEqualTo(new GoogleLroClient.VeoSize("16:9", "4k"));
        assertThat(GoogleLroClient.VeoSize.of("1024x1792")).isNull();
    }

    @Test
    void googleErrorsAndStatusesAreNamed() throws Exception {
        ApiError error = GoogleLroClient.parseError(("{\"error\":{\"code\":429,\"message\":\"Quota\","
                                                     + "\"status\":\"RESOURCE_EXHAUSTED\"}}").getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertThat(error.code()).isEqualTo("resource_exhausted");
        assertThat(error.message()).isEqualTo("Quota");
        assertThat(GoogleLroClient.statusName(Json.MAPPER.readTree("{\"code\":3}"))).isEqualTo("INVALID_ARGUMENT");
    }

    private static Base64FieldConsumer.Result receive(Base64FieldConsumer consumer, int status, String body,
                                                      int chunk) throws Exception {
        BasicHttpResponse response = new BasicHttpResponse(status);
        response.addHeader("Content-Type", "application/json");
        CompletableFuture<Base64FieldConsumer.Result> done = new CompletableFuture<>();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        consumer.consumeResponse(response, new BasicEntityDetails(bytes.length, ContentType.APPLICATION_JSON), null,
                new FutureCallback<>() {
                    @Override
                    public void completed(Base64FieldConsumer.Result result) {
                        done.complete(result);
                    }

                    @Override
                    public void failed(Exception e) {
                        done.completeExceptionally(e);
                    }

                    @Override
                    public void cancelled() {
                        done.cancel(false);
                    }
                });
        for (int offset = 0; offset < bytes.length; offset += chunk) {
            consumer.consume(ByteBuffer.wrap(bytes, offset, Math.min(chunk, bytes.length - offset)));
        }
        consumer.streamEnd(null);
        return done.get(5, TimeUnit.SECONDS);
    }
}
