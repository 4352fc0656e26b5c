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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.Video;
import io.github.camelsora.media.Mp4Inspector;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.SoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance matrix of docs/providers.md, measured: every bundled live profile, every operation, against the
 * simulator dialect of its server. An operation the profile offers must succeed on the wire ("tested"); one it does
 * not offer must fail with SoraValidationException before a single request is sent ("refused before sending"). The
 * table this test computes must be the one in docs/providers.md (a changed profile fails here until the page says
 * so; the computed table is written to target/conformance-matrix.md).
 */
class ConformanceMatrixIT {

    static final String TESTED = "tested";
    static final String REFUSED = "refused before sending";

    @TempDir
    static Path output;

    /** A provider, the dialect that speaks like it, and the options a create needs on it. */
    record Provider(String name, Dialect dialect, String options) {
    }

    static final List<Provider> PROVIDERS = List.of(
            new Provider("cometapi", Dialect.COMETAPI, "model=veo3.1-fast&size=1280x720&allowInternalProviderUrls=true"),
            new Provider("litellm", Dialect.LITELLM, "model=sora-2&size=1280x720"),
            new Provider("sglang", Dialect.SGLANG, "model=wan&size=832x480"),
            new Provider("vllm", Dialect.VLLM, "model=wan&size=832x480"),
            new Provider("openrouter", Dialect.OPENROUTER, "model=google/veo-3.1&size=1280x720"),
            new Provider("merge", Dialect.MERGE, "model=minimax/minimax-h3&size=768P"),
            new Provider("newapi", Dialect.NEWAPI, "model=veo&size=1280x720"),
            new Provider("bifrost", Dialect.BIFROST, "model=runway&size=1280x720"),
            new Provider("inworld", Dialect.INWORLD, "model=inworld-video&size=1280x720&allowInternalProviderUrls=true"),
            new Provider("custom", Dialect.OPENAI, "model=sora-2&size=1280x720"),
            new Provider("openai", Dialect.OPENAI, "model=sora-2&size=1280x720"),
            new Provider("gemini", Dialect.GEMINI, "model=veo-3.1-fast-generate-preview&size=1280x720&seconds=4"),
            new Provider("vertex", Dialect.VERTEX, "model=veo-3.1-fast-generate-001&size=1280x720&seconds=4"),
            new Provider("fal", Dialect.FAL, "model=fal-ai/kling-video/v2.1/standard/text-to-video&size=1280x720"
                                             + "&seconds=5&allowInternalProviderUrls=true"),
            new Provider("replicate", Dialect.REPLICATE, "model=kwaivgi/kling-v2.1&size=1280x720&seconds=5"
                                                         + "&allowInternalProviderUrls=true"),
            new Provider("byteplus", Dialect.BYTEPLUS, "model=seedance-1-0-pro-250528&size=1280x720&seconds=5"
                                                       + "&allowInternalProviderUrls=true"));

    /**
     * Providers whose delete cancels a job that has not started (fal's cancel, Replicate's cancel, ModelArk's
     * DELETE of a queued task; docs/providers.md): their delete is sent for a job created just before.
     */
    static final java.util.Set<String> DELETE_CANCELS = java.util.Set.of("fal", "replicate", "byteplus");

    /** The operations, in the table's column order; each is sent with the video created first. */
    static final List<String> OPERATIONS = List.of("generate", "create", "retrieve", "await", "download",
            "thumbnail", "list", "remix", "edit", "extend", "createCharacter", "delete");

    @Test
    void everyOperationIsTestedOrRefusedBeforeSendingAndTheDocsSaySo() throws Exception {
        Map<String, Map<String, String>> matrix = new LinkedHashMap<>();
        for (Provider provider : PROVIDERS) {
            matrix.put(provider.name(), row(provider));
        }
        String table = table(matrix);
        Path written = Path.of("target", "conformance-matrix.md");
        Files.createDirectories(written.getParent());
        Files.writeString(written, table);
        String docs = Files.readString(Path.of("..", "docs", "providers.md"), StandardCharsets.UTF_8);
        assertThat(docs).as("docs/providers.md holds the measured matrix (see %s)", written.toAbsolutePath())
                .contains(table);
    }

    private static Map<String, String> row(Provider provider) throws Exception {
        Map<String, String> row = new LinkedHashMap<>();
        try (SoraSimulator sim = SoraSimulator.builder().dialect(provider.dialect()).renderTime(Duration.ofMillis(200))
                .start();
             CamelContext context = context(sim, provider)) {
            Exchange created = send(context, sim, "create", "A conformance clip for " + provider.name(), Map.of());
            assertThat(created.getException()).as(provider.name() + " create").isNull();
            String id = created.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
            Map<String, Object> video = Map.of(SoraConstants.VIDEO_ID, id);
            File mp4 = null;
            for (String operation : OPERATIONS) {
                Map<String, Object> headers = switch (operation) {
                    case "generate", "create", "list" -> Map.of();
                    case "thumbnail" -> Map.of(SoraConstants.VIDEO_ID, id, SoraConstants.VARIANT, "thumbnail");
                    case "createCharacter" -> Map.of(SoraConstants.CHARACTER_NAME, "Kite");
                    default -> video;
                };
                Object body = switch (operation) {
                    case "createCharacter" -> mp4;
                    case "generate", "create", "remix", "edit", "extend" -> "A conformance clip: " + operation;
                    default -> null;
                };
                if (operation.equals("delete") && DELETE_CANCELS.contains(provider.name())) {
                    Exchange queued = send(context, sim, "create", "A clip to cancel", Map.of());
                    assertThat(queued.getException()).as(provider.name() + " create to cancel").isNull();
                    headers = Map.of(SoraConstants.VIDEO_ID,
                            queued.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class));
                }
                String name = operation.equals("thumbnail") ? "download" : operation;
                int requests = sim.totalRequests();
                Exchange result = send(context, sim, name, body, headers);
                Exception error = result.getException();
                if (error instanceof SoraValidationException refused && sim.totalRequests() == requests
                    && refused.getMessage().contains(provider.name())) {
                    row.put(operation, REFUSED);
                    continue;
                }
                assertThat(error).as(provider.name() + " " + operation).isNull();
                Object answer = result.getMessage().getBody();
                switch (operation) {
                    case "await" -> assertThat(((Video) answer).status()).isEqualTo("completed");
                    case "download" -> {
                        mp4 = result.getMessage().getBody(File.class);
                        assertThat(Mp4Inspector.inspect(mp4.toPath()).videoCodec()).isEqualTo("avc1");
                    }
                    case "generate" -> assertThat(Mp4Inspector.inspect(result.getMessage().getBody(File.class)
                            .toPath()).videoCodec()).isEqualTo("avc1");
                    case "delete" -> assertThat(result.getMessage().getHeader(SoraConstants.DELETED)).isEqualTo(true);
                    default -> assertThat(answer).isNotNull();
                }
                row.put(operation, TESTED);
            }
        }
        return row;
    }

    private static CamelContext context(SoraSimulator sim, Provider provider) throws Exception {
        CamelContext context = new DefaultCamelContext();
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setProvider(provider.name());
        sora.getConfiguration().setBaseUrl(sim.baseUrl());
        sora.getConfiguration().setApiKey(sim.apiKey());
        if (provider.dialect() == Dialect.VERTEX) {
            sora.getConfiguration().setAccessToken(sim.apiKey()); // Vertex AI takes an OAuth access token
        }
        sora.getConfiguration().setOutputDirectory(output.resolve(provider.name()).toString());
        sora.getConfiguration().setPollDelay(100);
        sora.getConfiguration().setMaxPollDelay(200);
        context.addComponent("sora", sora);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:op").to("sora:create?" + provider.options());
            }
        });
        context.start();
        return context;
    }

    private static Exchange send(CamelContext context, SoraSimulator sim, String operation, Object body,
                                 Map<String, Object> headers) {
        return context.createProducerTemplate().request("direct:op", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new LinkedHashMap<>(headers));
            e.getMessage().setHeader(SoraConstants.OPERATION, operation);
        });
    }

    static String table(Map<String, Map<String, String>> matrix) {
        Function<String, String> cell = value -> value.equals(TESTED) ? "tested" : "refused";
        StringBuilder out = new StringBuilder("| provider | ").append(String.join(" | ", OPERATIONS)).append(" |\n|---|");
        OPERATIONS.forEach(op -> out.append("---|"));
        out.append('\n');
        matrix.forEach((provider, row) -> {
            out.append("| `").append(provider).append("` |");
            OPERATIONS.forEach(op -> out.append(' ').append(cell.apply(row.get(op))).append(" |"));
            out.append('\n');
        });
        return out.toString();
    }
}
