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
package io.github.camelsora;

import java.util.List;
import java.util.Map;

import io.github.camelsora.api.InputReference;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.VideoRequest;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The binding's reading of a message: headers over options, prompts from shots, references, characters. */
class RequestReaderTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final SoraConfiguration config = new SoraConfiguration();

    private Message message(Object body, Map<String, Object> headers) {
        Message message = new DefaultExchange(camel).getMessage();
        message.setBody(body);
        headers.forEach(message::setHeader);
        return message;
    }

    @Test
    void headersOverrideTheEndpointsOptions() {
        config.setModel("sora-2");
        config.setSeconds("4");
        config.setSize("720x1280");
        Message message = message("A heron", Map.of(SoraConstants.MODEL, "sora-2-pro", SoraConstants.SECONDS, 8));

        VideoRequest request = RequestReader.videoRequest(message, config, RequestReader.prompt(message));

        assertThat(request).isEqualTo(new VideoRequest("A heron", "sora-2-pro", "8", "720x1280"));
    }

    @Test
    void thePromptHeaderWinsOverTheBodyAndShotsAreRendered() {
        assertThat(RequestReader.prompt(message("the body", Map.of(SoraConstants.PROMPT, "the header"))))
                .isEqualTo("the header");
        String rendered = RequestReader.prompt(message(Map.of("subject", "a red kite", "camera", "slow pan"),
                Map.of()));
        assertThat(rendered).contains("a red kite").contains("slow pan");
        assertThat(RequestReader.prompt(message(null, Map.of()))).isNull();
    }

    @Test
    void charactersComeAsTextOrCollectionAndAtMostTwo() {
        assertThat(RequestReader.characters(message("p", Map.of(SoraConstants.CHARACTERS, " char_1 , ,char_2")),
                config)).containsExactly("char_1", "char_2");
        assertThat(RequestReader.characters(message("p", Map.of(SoraConstants.CHARACTERS, List.of("char_3"))),
                config)).containsExactly("char_3");
        config.setCharacters("char_9");
        assertThat(RequestReader.characters(message("p", Map.of()), config)).containsExactly("char_9");
        assertThatThrownBy(() -> RequestReader.characters(message("p", Map.of(SoraConstants.CHARACTERS,
                "a,b,c")), config)).isInstanceOf(SoraValidationException.class);
    }

    @Test
    void referencesByKind() {
        assertThat(RequestReader.inputReference(message("p", Map.of(SoraConstants.INPUT_REFERENCE,
                "https://images.example.com/a.png")), config, "720x1280"))
                .isEqualTo(new InputReference.ImageUrl("https://images.example.com/a.png"));
        assertThat(RequestReader.inputReference(message("p", Map.of(SoraConstants.INPUT_REFERENCE, "file-abc")),
                config, "720x1280")).isEqualTo(new InputReference.FileId("file-abc"));
        assertThat(RequestReader.inputReference(message("p", Map.of()), config, "720x1280")).isNull();
        assertThatThrownBy(() -> RequestReader.inputReference(message("p", Map.of(SoraConstants.INPUT_REFERENCE,
                "http://images.example.com/a.png")), config, "720x1280"))
                .isInstanceOf(SoraValidationException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> RequestReader.inputReference(message("p", Map.of(SoraConstants.INPUT_REFERENCE,
                new byte[] { 1, 2, 3 })), config, "720x1280")).isInstanceOf(SoraValidationException.class);
    }

    @Test
    void uploadsAreProbedAndMustMatchTheVideosSizeUnlessFitted() {
        InputReference upload = RequestReader.inputReference(message("p", Map.of(SoraConstants.INPUT_REFERENCE,
                TestImages.png(720, 1280))), config, "720x1280");
        assertThat(upload).isInstanceOfSatisfying(InputReference.Upload.class,
                u -> assertThat(u.contentType()).isEqualTo("image/png"));
        assertThatThrownBy(() -> RequestReader.inputReference(message("p", Map.of(SoraConstants.INPUT_REFERENCE,
                TestImages.png(100, 100))), config, "720x1280")).isInstanceOf(SoraValidationException.class)
                .hasMessageContaining("inputReferenceFit");
        config.setInputReferenceFit("pad");
        assertThat(RequestReader.inputReference(message("p", Map.of(SoraConstants.INPUT_REFERENCE,
                TestImages.png(100, 100))), config, "720x1280")).isInstanceOf(InputReference.Upload.class);
    }

    @Test
    void anUnknownFitIsRefused() {
        assertThatThrownBy(() -> RequestReader.fit("stretch")).isInstanceOf(SoraValidationException.class)
                .hasMessageContaining("reject, crop or pad");
    }
}
