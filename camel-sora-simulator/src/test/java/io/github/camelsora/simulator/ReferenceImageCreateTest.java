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
import static io.github.camelsora.simulator.VideoAssertions.assertVideoResource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Multipart creates and the input_reference rules, for multipart and JSON. */
class ReferenceImageCreateTest {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ofMinutes(1)).resetBeforeEach(true).build();

    private SimClient client() {
        return new SimClient(SIM.simulator());
    }

    @Test
    void multipartWithoutReference() {
        HttpResponse<byte[]> response = client().postMultipart(new SimClient.Multipart()
                .field("prompt", "multipart prompt é").field("model", "sora-2").field("size", "1280x720").field("seconds", "8"));

        assertThat(response.statusCode()).as(SimClient.text(response)).isEqualTo(200);
        JsonNode video = SimClient.json(response);
        assertVideoResource(video);
        assertThat(video.get("prompt").asText()).isEqualTo("multipart prompt é");
        assertThat(video.get("size").asText()).isEqualTo("1280x720");
        assertThat(video.get("seconds").asText()).isEqualTo("8");
    }

    @Test
    void multipartWithPngOfTheRequestedSize() {
        HttpResponse<byte[]> response = client().postMultipart(new SimClient.Multipart()
                .field("prompt", "first frame").field("size", "1280x720")
                .file("input_reference", "ref.png", "image/png", TestImages.png(1280, 720)));

        assertThat(response.statusCode()).as(SimClient.text(response)).isEqualTo(200);
        assertThat(SimClient.json(response).get("status").asText()).isEqualTo("queued");
    }

    @Test
    void multipartWithJpegAndWebpOfTheRequestedSize() {
        HttpResponse<byte[]> jpeg = client().postMultipart(new SimClient.Multipart().field("prompt", "jpeg")
                .file("input_reference", "ref.jpg", "image/jpeg", TestImages.jpeg(720, 1280)));
        HttpResponse<byte[]> webp = client().postMultipart(new SimClient.Multipart().field("prompt", "webp")
                .file("input_reference", "ref.webp", "image/webp", TestImages.webpHeader(720, 1280)));

        assertThat(jpeg.statusCode()).as(SimClient.text(jpeg)).isEqualTo(200);
        assertThat(webp.statusCode()).as(SimClient.text(webp)).isEqualTo(200);
    }

    @Test
    void multipartWithWrongSizedPngIsRejected() {
        HttpResponse<byte[]> response = client().postMultipart(new SimClient.Multipart()
                .field("prompt", "wrong size").field("size", "1280x720")
                .file("input_reference", "ref.png", "image/png", TestImages.png(720, 1280)));

        JsonNode error = assertError(response, 400, "input_reference", null);
        assertThat(error.get("message").asText()).isEqualTo("Inpaint image must match the requested width and height");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(SIM.simulator().totalCreates()).isZero();
    }

    @Test
    void multipartReferenceSentAsTextFieldIsAnInvalidType() {
        HttpResponse<byte[]> response = client().postMultipart(new SimClient.Multipart()
                .field("prompt", "text ref").field("input_reference", "https://example.com/a.png"));

        JsonNode error = assertError(response, 400, "input_reference", "invalid_type");
        assertThat(error.get("message").asText())
                .isEqualTo("Invalid type for 'input_reference': expected a file, but got a string instead.");
    }

    @Test
    void multipartFilePartWithoutContentTypeIsAnInvalidType() {
        HttpResponse<byte[]> response = client().postMultipart(new SimClient.Multipart()
                .field("prompt", "no type").file("input_reference", "ref.png", null, TestImages.png(720, 1280)));

        assertError(response, 400, "input_reference", "invalid_type");
    }

    @Test
    void multipartReferenceThatIsNoImageIsRejected() {
        HttpResponse<byte[]> response = client().postMultipart(new SimClient.Multipart()
                .field("prompt", "gif").file("input_reference", "ref.gif", "image/gif", "GIF89a....".getBytes()));

        assertError(response, 400, "input_reference", "unsupported_file_format");
    }

    @Test
    void multipartUnknownFieldIsRejected() {
        HttpResponse<byte[]> response = client().postMultipart(new SimClient.Multipart()
                .field("prompt", "p").field("quality", "high"));

        assertError(response, 400, "quality", "unknown_parameter");
    }

    @Test
    void multipartBracketFormOfTheReferenceObjectIsAccepted() {
        HttpResponse<byte[]> response = client().postMultipart(new SimClient.Multipart()
                .field("prompt", "bracket").field("input_reference[file_id]", "file-123"));

        assertThat(response.statusCode()).as(SimClient.text(response)).isEqualTo(200);
    }

    @Test
    void jsonReferenceAsBareStringIsAnInvalidType() {
        HttpResponse<byte[]> response = client().postJson("{\"prompt\":\"p\",\"input_reference\":\"https://x/y.png\"}");

        JsonNode error = assertError(response, 400, "input_reference", "invalid_type");
        assertThat(error.get("message").asText()).contains("expected an object, but got a string instead");
    }

    @Test
    void jsonReferenceNeedsExactlyOneOfFileIdAndImageUrl() {
        assertError(client().postJson("{\"prompt\":\"p\",\"input_reference\":{}}"), 400, "input_reference", "invalid_value");
        assertError(client().postJson("{\"prompt\":\"p\",\"input_reference\":{\"file_id\":\"file-1\","
                + "\"image_url\":\"https://x/y.png\"}}"), 400, "input_reference", "invalid_value");
        assertError(client().postJson("{\"prompt\":\"p\",\"input_reference\":{\"url\":\"https://x/y.png\"}}"),
                400, "input_reference.url", "unknown_parameter");
    }

    @Test
    void jsonReferenceWithFileIdOrHttpsUrlIsAccepted() {
        assertThat(client().postJson("{\"prompt\":\"p\",\"input_reference\":{\"file_id\":\"file-123\"}}").statusCode())
                .isEqualTo(200);
        assertThat(client().postJson("{\"prompt\":\"p\",\"input_reference\":{\"image_url\":\"https://x/y.png\"}}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void jsonReferenceDataUrlIsCheckedForSize() {
        String right = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(720, 1280));
        String wrong = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(64, 64));

        assertThat(client().postJson("{\"prompt\":\"p\",\"input_reference\":{\"image_url\":\"" + right + "\"}}")
                .statusCode()).isEqualTo(200);
        JsonNode error = assertError(client().postJson("{\"prompt\":\"p\",\"input_reference\":{\"image_url\":\"" + wrong
                + "\"}}"), 400, "input_reference", null);
        assertThat(error.get("message").asText()).isEqualTo("Inpaint image must match the requested width and height");
    }

    @Test
    void charactersAreAcceptedUpToTwo() {
        assertThat(client().postJson("{\"prompt\":\"Mossy\",\"characters\":[{\"id\":\"char_1\"},{\"id\":\"char_2\"}]}")
                .statusCode()).isEqualTo(200);
        assertError(client().postJson("{\"prompt\":\"Mossy\",\"characters\":[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"}]}"),
                400, "characters", "array_above_max_length");
        assertError(client().postJson("{\"prompt\":\"Mossy\",\"characters\":\"char_1\"}"), 400, "characters", "invalid_type");
    }
}
