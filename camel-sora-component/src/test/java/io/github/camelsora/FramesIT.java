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

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.RecordedExchange;
import io.github.camelsora.simulator.SoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First and last frame per provider: CometAPI takes them as two ordered input_reference files, OpenRouter as
 * frame_images (first_frame, last_frame; uploads as data URLs); a provider with one image only refuses a last frame
 * before anything is sent.
 */
class FramesIT {

    @TempDir
    static Path dir;

    static Path first;
    static Path last;

    @BeforeAll
    static void images() throws Exception {
        first = dir.resolve("first.png");
        last = dir.resolve("last.png");
        Files.write(first, TestImages.png(1280, 720));
        Files.write(last, TestImages.png(1280, 720));
    }

    private static Exchange generate(SoraSimulator sim, String provider, String model) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            SoraComponent sora = new SoraComponent();
            sora.getConfiguration().setProvider(provider);
            sora.getConfiguration().setBaseUrl(sim.baseUrl());
            sora.getConfiguration().setApiKey(sim.apiKey());
            sora.getConfiguration().setOutputDirectory(dir.resolve("out").toString());
            sora.getConfiguration().setPollDelay(100);
            sora.getConfiguration().setAllowInternalProviderUrls(true);
            context.addComponent("sora", sora);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate").to("sora:generate?size=1280x720&model=" + model);
                }
            });
            context.start();
            return context.createProducerTemplate().request("direct:generate", e -> {
                e.getMessage().setBody("From the first frame to the last");
                e.getMessage().setHeader(SoraConstants.INPUT_REFERENCE, first.toFile());
                e.getMessage().setHeader(SoraConstants.LAST_FRAME, last.toFile());
                if (provider.equals("openrouter")) {
                    e.getMessage().setHeader(SoraConstants.REFERENCE_IMAGES,
                            java.util.List.of(first.toFile(), "https://images.example.com/style.png"));
                }
            });
        }
    }

    private static RecordedExchange create(SoraSimulator sim) {
        return sim.recordedExchanges().stream().filter(e -> e.method().equals("POST")).findFirst().orElseThrow();
    }

    @Test
    void cometApiGetsTwoOrderedInputReferenceFiles() throws Exception {
        try (SoraSimulator sim = SoraSimulator.builder().dialect(Dialect.COMETAPI).renderTime(Duration.ofMillis(300))
                .recordExchanges(true).start()) {
            Exchange result = generate(sim, "cometapi", "veo3.1-fast");
            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getBody(File.class)).exists();
            String body = create(sim).requestBodyText();
            assertThat(body.split("name=\"input_reference\"; filename=\"first.png\"", -1)).hasSize(2);
            assertThat(body.indexOf("filename=\"first.png\"")).isLessThan(body.indexOf("filename=\"last.png\""));
        }
    }

    @Test
    void openRouterGetsFrameImagesAsDataUrls() throws Exception {
        try (SoraSimulator sim = SoraSimulator.builder().dialect(Dialect.OPENROUTER).renderTime(Duration.ofMillis(300))
                .recordExchanges(true).start()) {
            Exchange result = generate(sim, "openrouter", "google/veo-3.1");
            assertThat(result.getException()).isNull();
            JsonNode body = new ObjectMapper().readTree(create(sim).requestBody());
            assertThat(body.has("input_reference")).isFalse();
            JsonNode frames = body.get("frame_images");
            assertThat(frames).hasSize(2);
            assertThat(frames.get(0).get("frame_type").asText()).isEqualTo("first_frame");
            assertThat(frames.get(1).get("frame_type").asText()).isEqualTo("last_frame");
            assertThat(frames.get(0).get("image_url").get("url").asText()).startsWith("data:image/png;base64,");
            JsonNode references = body.get("input_references");
            assertThat(references).hasSize(2);
            assertThat(references.get(0).has("frame_type")).isFalse();
            assertThat(references.get(1).get("image_url").get("url").asText())
                    .isEqualTo("https://images.example.com/style.png");
        }
    }

    @Test
    void cometApiRefusesReferenceImagesBeforeSending() throws Exception {
        try (SoraSimulator sim = SoraSimulator.builder().dialect(Dialect.COMETAPI).start();
             CamelContext context = new DefaultCamelContext()) {
            SoraComponent sora = new SoraComponent();
            sora.getConfiguration().setProvider("cometapi");
            sora.getConfiguration().setBaseUrl(sim.baseUrl());
            sora.getConfiguration().setApiKey(sim.apiKey());
            context.addComponent("sora", sora);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:create").to("sora:create?model=veo3.1-fast&size=1280x720&referenceImages="
                                              + first.toAbsolutePath());
                }
            });
            context.start();
            Exchange result = context.createProducerTemplate().request("direct:create", e -> e.getMessage()
                    .setBody("Styled like the reference"));
            assertThat(result.getException()).isInstanceOf(SoraValidationException.class)
                    .hasMessageContaining("reference images");
            assertThat(sim.totalRequests()).isZero();
        }
    }

    @Test
    void aProviderWithOneImageRefusesALastFrameBeforeSending() throws Exception {
        try (SoraSimulator sim = SoraSimulator.builder().renderTime(Duration.ofMillis(300)).start()) {
            Exchange result = generate(sim, "custom", "sora-2");
            assertThat(result.getException()).isInstanceOf(SoraValidationException.class)
                    .hasMessageContaining("last frame");
            assertThat(sim.totalRequests()).isZero();
        }
    }
}
