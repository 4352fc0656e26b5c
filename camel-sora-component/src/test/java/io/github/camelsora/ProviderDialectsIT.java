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
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.RecordedExchange;
import io.github.camelsora.simulator.SoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundled live profile delivers a valid MP4 through a YAML DSL route from the simulator dialect of its server,
 * and sends what that server documents: the create's encoding, field names and JSON types, the key's header, the
 * result fetched from where the server puts it (content route, a signed link in the job, an authenticated URL on its
 * own origin), the provider's status words mapped, its reported cost in a header.
 */
class ProviderDialectsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path output;

    /** One provider: its dialect, the route's extra parameters, and what its wire must show. */
    record Case(String provider, Dialect dialect, String model, String size, int width, int height,
                Map<String, String> parameters, Consumer<Wire> wire) {
        @Override
        public String toString() {
            return provider;
        }
    }

    /** What went over the wire for one generate. */
    record Wire(RecordedExchange create, List<RecordedExchange> all, Exchange result) {
        JsonNode createJson() {
            try {
                return JSON.readTree(create.requestBody());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        RecordedExchange download() {
            return all.stream().filter(e -> e.responseContentType() != null
                    && e.responseContentType().startsWith("video/")).reduce((a, b) -> b).orElseThrow();
        }
    }

    static Stream<Arguments> providers() {
        return Stream.of(
                new Case("cometapi", Dialect.COMETAPI, "veo3.1-fast", "1280x720", 1280, 720,
                        Map.of("allowInternalProviderUrls", "true"), wire -> {
                    // multipart only; the size as the orientation hint; the result from the signed link, keyless
                    assertThat(wire.create().requestContentType()).startsWith("multipart/form-data");
                    assertThat(wire.create().requestBodyText()).contains("name=\"size\"\r\nContent-Type: text/plain;"
                            + " charset=UTF-8\r\n\r\n16x9").contains("name=\"seconds\"");
                    assertThat(videoId(wire)).startsWith("task_");
                    assertThat(wire.download().path()).startsWith("/files/");
                    assertThat(wire.download().requestHeaders()).doesNotContainKey("authorization");
                }),
                new Case("litellm", Dialect.LITELLM, "sora-2", "1280x720", 1280, 720, Map.of(), wire -> {
                    // the proxy reports the backend's 'processing' while rendering: mapped, waited through
                    assertThat(wire.all()).anySatisfy(e -> assertThat(e.responseBodyText())
                            .contains("\"status\":\"processing\""));
                    assertThat(wire.result().getMessage().getHeader(SoraConstants.PROVIDER_STATUS))
                            .isEqualTo("completed");
                }),
                new Case("sglang", Dialect.SGLANG, "Wan-AI/Wan2.1-T2V-1.3B-Diffusers", "1280x720", 1280, 720,
                        Map.of("seed", "42"), wire -> {
                    assertThat(wire.createJson().get("seconds").isNumber()).isTrue();
                    assertThat(wire.createJson().get("seed").asLong()).isEqualTo(42);
                }),
                new Case("vllm", Dialect.VLLM, "Wan-AI/Wan2.2-T2V-A14B-Diffusers", "832x480", 832, 480,
                        Map.of("negativePrompt", "blurry", "providerOptions.num_inference_steps", "40"), wire -> {
                    assertThat(wire.create().requestContentType()).startsWith("multipart/form-data");
                    assertThat(wire.create().requestBodyText()).contains("name=\"negative_prompt\"")
                            .contains("blurry").contains("name=\"num_inference_steps\"");
                    assertThat(videoId(wire)).startsWith("video-");
                }),
                new Case("openrouter", Dialect.OPENROUTER, "google/veo-3.1", "1280x720", 1280, 720,
                        Map.of("generateAudio", "false"), wire -> {
                    // duration (a number), resolution and aspect ratio instead of size; 202; pending mapped;
                    // unsigned_urls fetched with the key on OpenRouter's own origin; usage.cost as a header
                    JsonNode body = wire.createJson();
                    assertThat(body.get("duration").isInt()).isTrue();
                    assertThat(body.get("resolution").asText()).isEqualTo("720p");
                    assertThat(body.get("aspect_ratio").asText()).isEqualTo("16:9");
                    assertThat(body.has("size")).isFalse();
                    assertThat(body.get("generate_audio").asBoolean(true)).isFalse();
                    assertThat(wire.create().status()).isEqualTo(202);
                    assertThat(wire.create().path()).isEqualTo("/api/v1/videos");
                    assertThat(wire.download().path()).endsWith("/content");
                    assertThat(wire.download().query()).isEqualTo("index=0");
                    assertThat(wire.download().requestHeaders()).containsEntry("authorization", "<redacted>");
                    assertThat(wire.result().getMessage().getHeader(SoraConstants.REPORTED_COST, BigDecimal.class))
                            .isEqualByComparingTo("0.2");
                }),
                new Case("merge", Dialect.MERGE, "minimax/minimax-h3", "768P", 1366, 768, Map.of(), wire -> {
                    assertThat(wire.createJson().get("seconds").isInt()).isTrue();
                    assertThat(wire.createJson().get("size").asText()).isEqualTo("768P");
                    assertThat(wire.create().status()).isEqualTo(202);
                    assertThat(videoId(wire)).startsWith("vid_");
                    assertThat(wire.result().getMessage().getHeader(SoraConstants.REPORTED_COST, BigDecimal.class))
                            .isEqualByComparingTo("0.2");
                }),
                new Case("newapi", Dialect.NEWAPI, "veo-3.1-fast", "1280x720", 1280, 720, Map.of(), wire -> {
                    assertThat(wire.createJson().get("seconds").isTextual()).isTrue();
                    assertThat(videoId(wire)).startsWith("task_");
                }),
                new Case("bifrost", Dialect.BIFROST, "runway/gen4_turbo", "1280x720", 1280, 720, Map.of(), wire ->
                        assertThat(wire.create().requestHeaders()).containsKey("authorization")),
                new Case("inworld", Dialect.INWORLD, "inworld/video-1", "1280x720", 1280, 720,
                        Map.of("allowInternalProviderUrls", "true"), wire -> {
                    // Basic auth to the API; the signed output.videos[0].url fetched without it
                    assertThat(wire.create().requestHeaders()).containsKey("authorization");
                    assertThat(wire.download().path()).startsWith("/files/");
                    assertThat(wire.download().requestHeaders()).doesNotContainKey("authorization");
                }),
                new Case("custom", Dialect.OPENAI, "sora-2", "1280x720", 1280, 720, Map.of(), wire ->
                        assertThat(wire.createJson().get("seconds").asText()).isEqualTo("4")),
                new Case("openai", Dialect.OPENAI, "sora-2", "1280x720", 1280, 720, Map.of(), wire ->
                        assertThat(wire.createJson().fieldNames()).toIterable()
                                .containsExactly("prompt", "model", "seconds", "size")))
                .map(Arguments::of);
    }

    private static String videoId(Wire wire) {
        return wire.result().getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void deliversAValidMp4ThroughAYamlRoute(Case c) throws Exception {
        try (SoraSimulator sim = SoraSimulator.builder().dialect(c.dialect()).renderTime(Duration.ofMillis(600))
                .recordExchanges(true).start();
             CamelContext context = new DefaultCamelContext()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("operation", "generate");
            parameters.put("provider", c.provider());
            parameters.put("baseUrl", "\"{{sim.baseUrl}}\"");
            parameters.put("apiKey", "\"{{sim.apiKey}}\"");
            parameters.put("model", c.model());
            parameters.put("size", c.size());
            parameters.put("seconds", "\"4\"");
            parameters.put("pollDelay", "100ms");
            parameters.put("maxPollDelay", "200ms");
            parameters.put("outputDirectory", "\"{{sim.output}}\"");
            c.parameters().forEach((k, v) -> parameters.put(k, v.matches("[0-9]+") ? "\"" + v + "\"" : v));
            StringBuilder yaml = new StringBuilder("""
                    - route:
                        id: generate-%s
                        from:
                          uri: direct:generate
                          steps:
                            - to:
                                uri: sora
                                parameters:
                    """.formatted(c.provider()));
            parameters.forEach((k, v) -> yaml.append("                      ").append(k).append(": ").append(v)
                    .append('\n'));
            Properties properties = new Properties();
            properties.setProperty("sim.baseUrl", sim.baseUrl());
            properties.setProperty("sim.apiKey", sim.apiKey());
            properties.setProperty("sim.output", output.resolve(c.provider()).toString());
            context.getPropertiesComponent().setInitialProperties(properties);
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("sora.yaml", yaml.toString()));
            context.start();

            Exchange result = context.createProducerTemplate().request("direct:generate",
                    e -> e.getMessage().setBody("A lighthouse for " + c.provider()));

            assertThat(result.getException()).as(c.provider()).isNull();
            Mp4Assertions.assertPlayableMp4(result.getMessage().getBody(File.class), c.width(), c.height(), 4);
            assertThat(result.getMessage().getHeader(SoraConstants.STATUS)).isEqualTo("completed");
            assertThat(sim.totalCreates()).isEqualTo(1);
            List<RecordedExchange> all = sim.recordedExchanges();
            RecordedExchange create = all.stream().filter(e -> e.method().equals("POST")).findFirst().orElseThrow();
            c.wire().accept(new Wire(create, all, result));
        }
    }
}
