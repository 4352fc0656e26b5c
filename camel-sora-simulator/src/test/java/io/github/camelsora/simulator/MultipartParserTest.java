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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartParserTest {

    @Test
    void readsBoundaryFromContentType() {
        assertThat(MultipartParser.boundary("multipart/form-data; boundary=abc")).isEqualTo("abc");
        assertThat(MultipartParser.boundary("multipart/form-data; charset=utf-8; boundary=\"a b\"")).isEqualTo("a b");
        assertThat(MultipartParser.boundary("multipart/form-data")).isNull();
    }

    @Test
    void parsesFieldsAndFilesWithBinaryContent() throws ApiException {
        byte[] binary = {0, '\r', '\n', '-', '-', (byte) 0xFF, 'x'};
        SimClient.Multipart multipart = new SimClient.Multipart()
                .field("prompt", "line one\r\nline two")
                .file("input_reference", "we;ird \\\"name\\\".png", "image/png", binary)
                .field("empty", "");
        String boundary = MultipartParser.boundary(multipart.contentType());

        List<MultipartPart> parts = MultipartParser.parse(multipart.body(), boundary);

        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).name()).isEqualTo("prompt");
        assertThat(parts.get(0).isFile()).isFalse();
        assertThat(parts.get(0).text()).isEqualTo("line one\r\nline two");
        assertThat(parts.get(1).filename()).isEqualTo("we;ird \"name\".png");
        assertThat(parts.get(1).contentType()).isEqualTo("image/png");
        assertThat(parts.get(1).content()).isEqualTo(binary);
        assertThat(parts.get(2).text()).isEmpty();
    }

    @Test
    void preambleIsIgnored() throws ApiException {
        String body = "preamble\r\n--b\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nhi\r\n--b--\r\n";
        List<MultipartPart> parts = MultipartParser.parse(body.getBytes(StandardCharsets.UTF_8), "b");
        assertThat(parts).singleElement().satisfies(part -> assertThat(part.text()).isEqualTo("hi"));
    }

    @Test
    void unterminatedBodyIsA400() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nhi";
        assertThatThrownBy(() -> MultipartParser.parse(body.getBytes(StandardCharsets.UTF_8), "b"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
