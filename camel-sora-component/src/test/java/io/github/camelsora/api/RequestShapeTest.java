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

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests shaped per provider, from the profiles' data; refusals before anything is sent. */
class RequestShapeTest {

    private static Map<String, Object> fields(String profile, VideoRequest request) {
        RequestShape shape = ProviderProfile.named(profile).request();
        shape.check(request, profile);
        return shape.fields(request);
    }

    private static VideoRequest request(String size, VideoOptions options) {
        return new VideoRequest("a kite", "m", "4", size, options);
    }

    @Test
    void openAiKeepsItsFourStringFieldsAndRefusesEveryOtherOption() {
        assertThat(fields("openai", request("1280x720", VideoOptions.NONE)))
                .containsExactly(Map.entry("prompt", "a kite"), Map.entry("model", "m"), Map.entry("seconds", "4"),
                        Map.entry("size", "1280x720"));
        for (VideoOptions option : new VideoOptions[] {
                new VideoOptions("16:9", null, null, null, null, null),
                new VideoOptions(null, "720p", null, null, null, null),
                new VideoOptions(null, null, "blur", null, null, null),
                new VideoOptions(null, null, null, 7L, null, null),
                new VideoOptions(null, null, null, null, true, null) }) {
            assertThatThrownBy(() -> fields("openai", request("1280x720", option)))
                    .isInstanceOf(SoraValidationException.class).hasMessageContaining("does not offer");
        }
    }

    @Test
    void openRouterTakesADurationNumberAResolutionAndAnAspectRatio() {
        assertThat(fields("openrouter", request("720x1280", new VideoOptions(null, null, null, 42L, false, null))))
                .containsEntry("duration", 4).containsEntry("resolution", "720p").containsEntry("aspect_ratio", "9:16")
                .containsEntry("seed", 42L).containsEntry("generate_audio", false).doesNotContainKey("size")
                .doesNotContainKey("seconds");
        assertThat(fields("openrouter", request("1280x720", new VideoOptions("21x9", "1080p", null, null, null, null))))
                .containsEntry("resolution", "1080p").containsEntry("aspect_ratio", "21:9");
        assertThatThrownBy(() -> fields("openrouter", request("1280x720", new VideoOptions(null, null, "x", null,
                null, null)))).isInstanceOf(SoraValidationException.class).hasMessageContaining("negativePrompt");
    }

    @Test
    void cometApiSendsTheOrientationHint() {
        assertThat(fields("cometapi", request("1280x720", VideoOptions.NONE))).containsEntry("size", "16x9");
        assertThat(fields("cometapi", request("720x1280", VideoOptions.NONE))).containsEntry("size", "9x16");
        assertThat(fields("cometapi", request("1280x720", new VideoOptions("9:16", null, null, null, null, null))))
                .containsEntry("size", "9x16");
        assertThat(ProviderProfile.named("cometapi").request().multipartOnly()).isTrue();
    }

    @Test
    void mergeAndSglangSendSecondsAsANumberVllmMapsItsOwnNames() {
        assertThat(fields("merge", request("768P", VideoOptions.NONE))).containsEntry("seconds", 4)
                .containsEntry("size", "768P");
        assertThat(fields("sglang", request("1280x720", VideoOptions.NONE))).containsEntry("seconds", 4);
        assertThat(fields("vllm", request("832x480", new VideoOptions(null, null, "blurry", 3L, true, null))))
                .containsEntry("seconds", "4").containsEntry("negative_prompt", "blurry").containsEntry("seed", 3L)
                .containsEntry("generate_sound", true);
    }

    @Test
    void providerOptionsPassThroughTypedAndWin() {
        Map<String, Object> typed = VideoOptions.typed(Map.of("fps", "16", "guidance_scale", "4.5", "flag", "true",
                "provider", "{\"options\":{\"google-vertex\":{\"x\":1}}}", "name", "plain"));
        assertThat(typed).containsEntry("fps", 16L).containsEntry("flag", true).containsEntry("name", "plain");
        assertThat(typed.get("guidance_scale")).hasToString("4.5");
        assertThat(typed.get("provider")).isInstanceOf(Map.class);
        Map<String, Object> body = fields("vllm", request("832x480", new VideoOptions(null, null, null, null, null,
                Map.of("fps", 16L, "size", "480x832"))));
        assertThat(body).containsEntry("fps", 16L).containsEntry("size", "480x832");
    }

    @Test
    void derivationsOfSizes() {
        assertThat(RequestShape.resolutionOf("1920x1080")).isEqualTo("1080p");
        assertThat(RequestShape.resolutionOf("768P")).isEqualTo("768p");
        assertThat(RequestShape.resolutionOf("banana")).isNull();
        assertThat(RequestShape.ratioOf("1280x720", ":")).isEqualTo("16:9");
        assertThat(RequestShape.ratioOf("1792x1024", ":")).isEqualTo("7:4");
        assertThat(RequestShape.orientation(null, "720x720")).isEqualTo("1x1");
        assertThatThrownBy(() -> fields("openrouter", request("big", VideoOptions.NONE)))
                .isInstanceOf(SoraValidationException.class).hasMessageContaining("resolution");
        assertThatThrownBy(() -> fields("custom", request("1280x720", new VideoOptions("wide", null, null, null,
                null, null)))).isInstanceOf(SoraValidationException.class).hasMessageContaining("aspect ratio");
    }
}
