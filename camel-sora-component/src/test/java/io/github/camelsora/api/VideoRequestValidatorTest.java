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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VideoRequestValidatorTest {

    private final VideoRequestValidator validator = new VideoRequestValidator(ModelCatalog.SORA_2);

    @Test
    void acceptsKnownModelWithItsOwnSizesAndSeconds() {
        assertThat(validator.validate(new VideoRequest("a cat", "sora-2", "8", "1280x720"))).isTrue();
        assertThat(validator.validate(new VideoRequest("a cat", "sora-2-pro", "20", "1920x1080"))).isTrue();
    }

    @Test
    void passesUnknownModelThroughAfterShapeChecks() {
        assertThat(validator.validate(new VideoRequest("a cat", "veo-3.1-fast", "6", "1280x720"))).isFalse();
    }

    @Test
    void rejectsEachBadParameterByName() {
        assertParam(new VideoRequest(null, "sora-2", "4", "720x1280"), "prompt");
        assertParam(new VideoRequest(" ", "sora-2", "4", "720x1280"), "prompt");
        assertParam(new VideoRequest("x".repeat(32_001), "sora-2", "4", "720x1280"), "prompt");
        assertParam(new VideoRequest("a cat", "sora-2", "5", "720x1280"), "seconds");
        assertParam(new VideoRequest("a cat", "sora-2", "4.0", "720x1280"), "seconds");
        assertParam(new VideoRequest("a cat", "sora-2", "4", "1920x1080"), "size");
        assertParam(new VideoRequest("a cat", "sora-2", "4", "big"), "size");
        assertParam(new VideoRequest("a cat", "../etc", "4", "720x1280"), "model");
    }

    @Test
    void acceptsThePromptAtItsLimit() {
        assertThat(validator.validate(new VideoRequest("x".repeat(32_000), "sora-2", "4", "720x1280"))).isTrue();
    }

    private void assertParam(VideoRequest request, String param) {
        assertThatThrownBy(() -> validator.validate(request))
                .isInstanceOfSatisfying(SoraValidationException.class, e -> assertThat(e.getParam()).isEqualTo(param))
                .hasMessageContaining(param);
    }
}
