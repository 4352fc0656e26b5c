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

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderProfileTest {

    @Test
    void everyBundledProfileLoads() {
        for (String name : ProviderProfile.NAMES) {
            ProviderProfile profile = ProviderProfile.named(name);
            assertThat(profile.name()).isEqualTo(name);
            assertThat(profile.supports("create")).isTrue();
            assertThat(profile.defaultBaseUrl() != null || profile.baseUrlHint() != null).isTrue();
        }
        assertThatThrownBy(() -> ProviderProfile.named("nope")).isInstanceOf(SoraValidationException.class);
    }

    /**
     * A profile carries only what the component reads: every key of every bundled profile is a field of the profile
     * data, and the flags nothing read (opaqueIds, trustContentType, modelIsDeployment) are gone.
     */
    @Test
    void profilesHoldOnlyKeysTheComponentReads() throws Exception {
        Set<String> read = Arrays.stream(ProviderProfile.Data.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        Set<String> keys = new TreeSet<>();
        for (String name : ProviderProfile.NAMES) {
            try (InputStream in = ProviderProfile.class.getResourceAsStream(
                    "/io/github/camelsora/providers/" + name + ".json")) {
                Json.MAPPER.readTree(in).fieldNames().forEachRemaining(keys::add);
            }
        }
        assertThat(read).containsAll(keys);
        assertThat(keys).doesNotContain("opaqueIds", "trustContentType", "modelIsDeployment");
    }

    @Test
    void validationIsTableDriven() {
        VideoRequestValidator openai = new VideoRequestValidator(ProviderProfile.named("openai").catalog());
        assertThat(openai.validate(new VideoRequest("p", "sora-2-pro", "20", "1920x1080"))).isTrue();
        assertThat(openai.validate(new VideoRequest("p", "wan2.1", "5", "832x480"))).isFalse();
        assertThatThrownBy(() -> openai.validate(new VideoRequest("p", "sora-2", "4", "1920x1080")))
                .isInstanceOf(SoraValidationException.class);

        VideoRequestValidator azure = new VideoRequestValidator(ProviderProfile.named("azure").catalog());
        assertThat(azure.validate(new VideoRequest("p", "any-deployment", "12", "720x1280"))).isTrue();
        assertThatThrownBy(() -> azure.validate(new VideoRequest("p", "any-deployment", "16", "720x1280")))
                .isInstanceOf(SoraValidationException.class);
    }

    @Test
    void theCloudProvidersHaveTheirProtocolsAndAMissingArtifactIsNamed() {
        assertThat(ProviderProfile.named("gemini").authHeader("AIza-k", null)).containsExactly("x-goog-api-key",
                "AIza-k");
        assertThat(ProviderProfile.named("gemini").authHeader("k", "t")).containsExactly("Authorization", "Bearer t");
        assertThat(VideoProviderFactory.of(ProviderProfile.named("gemini")).protocol()).isEqualTo("gemini-veo");
        assertThat(VideoProviderFactory.of(ProviderProfile.named("vertex")).protocol()).isEqualTo("vertex-veo");
        // the AWS implementation lives in its own artifact, which this module's tests do not have
        assertThatThrownBy(() -> VideoProviderFactory.of(ProviderProfile.named("bedrock")))
                .isInstanceOf(SoraValidationException.class)
                .hasMessageContaining("bedrock-async-invoke")
                .hasMessageContaining("io.github.camelsora:camel-sora-aws");
        assertThat(ProviderProfile.named("bedrock").supports("idempotentCreate")).isTrue();
    }

    @Test
    void authStylesFollowTheProfile() {
        assertThat(ProviderProfile.named("azure").authHeader("k", null)).containsExactly("api-key", "k");
        assertThat(ProviderProfile.named("azure").authHeader("k", "t")).containsExactly("Authorization", "Bearer t");
        assertThat(ProviderProfile.named("litellm").authHeader("k", null)).containsExactly("Authorization", "Bearer k");
        assertThat(ProviderProfile.named("litellm").supports("delete")).isFalse();
        assertThat(ProviderProfile.named("openai").retiredOn()).isEqualTo("2026-09-24");
    }
}
