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
package io.github.camelsora.provider;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.camelsora.SoraComponent;
import io.github.camelsora.SoraConstants;
import io.github.camelsora.api.SoraRetiredEndpointException;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.Video;
import io.github.camelsora.media.VideoFiles;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.RecordedExchange;
import io.github.camelsora.simulator.SoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each provider profile against the simulator dialect that behaves like it. */
class ProviderProfilesIT {

    @TempDir
    static Path output;

    private static CamelContext context(SoraSimulator sim, String provider, Map<String, String> options)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setProvider(provider);
        sora.getConfiguration().setBaseUrl(sim.baseUrl());
        sora.getConfiguration().setOutputDirectory(output.toString());
        sora.getConfiguration().setPollDelay(100);
        sora.getConfiguration().setMaxPollDelay(200);
        context.addComponent("sora", sora);
        StringBuilder query = new StringBuilder();
        options.forEach((k, v) -> query.append(query.length() == 0 ? "?" : "&").append(k).append('=').append(v));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sora:generate" + query);
                from("direct:op").to("sora:retrieve" + query);
            }
        });
        context.start();
        return context;
    }

    private static Exchange send(CamelContext context, String endpoint, Object body, Map<String, Object> headers) {
        return context.createProducerTemplate().request(endpoint, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    /** openai and custom speak OpenAI's dialect (the other live profiles: ProviderDialectsIT, each on its own). */
    @Nested
    class OpenAiDialect {

        static SoraSimulator sim;

        @BeforeAll
        static void start() {
            sim = SoraSimulator.builder().renderTime(Duration.ofMillis(300)).recordExchanges(true).start();
        }

        @AfterAll
        static void stop() {
            sim.close();
        }

        @ParameterizedTest
        @ValueSource(strings = { "openai", "custom" })
        void generatesWithBearerAuth(String provider) throws Exception {
            try (CamelContext context = context(sim, provider, Map.of("apiKey", "RAW(" + sim.apiKey() + ")",
                    "size", "1280x720", "model", "sora-2"))) {
                Exchange result = send(context, "direct:generate", "A " + provider + " lighthouse", Map.of());
                assertThat(result.getException()).isNull();
                assertThat(result.getMessage().getBody(File.class)).exists();
            }
            RecordedExchange last = sim.recordedExchanges().get(sim.recordedExchanges().size() - 1);
            assertThat(last.requestHeaders()).containsKey("authorization").doesNotContainKey("api-key");
        }

        @Test
        void inworldHasNoDeleteAndCometapiChecksItsOwnSeconds() throws Exception {
            int requests = sim.totalRequests();
            try (CamelContext context = context(sim, "inworld", Map.of("apiKey", sim.apiKey()))) {
                Exchange delete = send(context, "direct:op", "video_x", Map.of(SoraConstants.OPERATION, "delete"));
                assertThat(delete.getException()).isInstanceOf(SoraValidationException.class)
                        .hasMessageContaining("no 'delete' endpoint");
            }
            assertThat(sim.totalRequests()).isEqualTo(requests);
            try (CamelContext context = context(sim, "cometapi", Map.of("apiKey", sim.apiKey(), "seconds", "16",
                    "model", "veo3.1-fast", "size", "1280x720"))) {
                int creates = sim.totalCreates();
                Exchange generate = send(context, "direct:generate", "too long for cometapi", Map.of());
                assertThat(generate.getException()).isInstanceOf(SoraValidationException.class)
                        .hasMessageContaining("seconds");
                assertThat(sim.totalCreates()).isEqualTo(creates);
            }
        }
    }

    @Nested
    class Azure {

        static SoraSimulator sim;

        @BeforeAll
        static void start() {
            sim = SoraSimulator.builder().dialect(Dialect.AZURE).renderTime(Duration.ofMillis(300))
                    .recordExchanges(true).start();
        }

        @AfterAll
        static void stop() {
            sim.close();
        }

        @Test
        void sendsTheKeyAsApiKeyAndTheDeploymentAsModel() throws Exception {
            int before = sim.recordedExchanges().size();
            try (CamelContext context = context(sim, "azure", Map.of("apiKey", sim.apiKey(), "model", "my-sora-deployment",
                    "size", "1280x720"))) {
                Exchange result = send(context, "direct:generate", "A harbour at dawn", Map.of());
                assertThat(result.getException()).isNull();
                assertThat(result.getMessage().getHeader(SoraConstants.MODEL)).isEqualTo("my-sora-deployment");
            }
            assertThat(sim.recordedExchanges().subList(before, sim.recordedExchanges().size())).isNotEmpty().allSatisfy(e -> {
                assertThat(e.path()).startsWith("/openai/v1/videos");
                assertThat(e.requestHeaders()).containsKey("api-key").doesNotContainKey("authorization");
            });
        }

        @Test
        void anEntraTokenGoesAsBearerAndOnly720pIsAccepted() throws Exception {
            try (CamelContext context = context(sim, "azure", Map.of("accessToken", sim.apiKey(), "model", "dep"))) {
                Exchange created = send(context, "direct:op", "A kite", Map.of(SoraConstants.OPERATION, "create"));
                assertThat(created.getException()).isNull();
                assertThat(created.getMessage().getBody(Video.class).model()).isEqualTo("dep");
                int creates = sim.totalCreates();
                Exchange hd = send(context, "direct:op", "A kite", Map.of(SoraConstants.OPERATION, "create",
                        SoraConstants.SIZE, "1792x1024"));
                assertThat(hd.getException()).isInstanceOf(SoraValidationException.class).hasMessageContaining("size");
                assertThat(sim.totalCreates()).isEqualTo(creates);
            }
        }

        @Test
        void azureNeedsABaseUrl() throws Exception {
            CamelContext context = new DefaultCamelContext();
            SoraComponent sora = new SoraComponent();
            sora.getConfiguration().setProvider("azure");
            context.addComponent("sora", sora);
            assertThatThrownBy(() -> {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:a").to("sora:generate");
                    }
                });
                context.start();
            }).hasRootCauseInstanceOf(SoraValidationException.class).rootCause().hasMessageContaining("openai.azure.com");
            context.close();
        }
    }

    @Nested
    class LiteLlm {

        static SoraSimulator sim;

        @BeforeAll
        static void start() {
            sim = SoraSimulator.builder().dialect(Dialect.LITELLM).renderTime(Duration.ofMillis(300)).start();
        }

        @AfterAll
        static void stop() {
            sim.close();
        }

        @Test
        void opaqueIdsMislabelledContentAndNoDelete() throws Exception {
            try (CamelContext context = context(sim, "litellm", Map.of("apiKey", sim.apiKey(),
                    "variants", "thumbnail,spritesheet", "size", "1280x720"))) {
                Exchange result = send(context, "direct:generate", "A proxy's fox", Map.of());
                assertThat(result.getException()).isNull();
                String id = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
                assertThat(sim.backendId(id)).isNotEqualTo(id);
                File video = result.getMessage().getBody(File.class);
                // an opaque id may not be a safe file name (/, +): then the file is named by a stable hash of it
                assertThat(video.getName()).isEqualTo(VideoFiles.safeStem(id) + ".mp4").doesNotContain("/");
                @SuppressWarnings("unchecked")
                Map<String, File> variants = result.getMessage().getHeader(SoraConstants.VARIANT_FILES, Map.class);
                // labelled video/mp4 by the proxy, named by what the bytes are
                assertThat(variants.get("thumbnail").getName()).endsWith(".webp");
                assertThat(variants.get("spritesheet").getName()).endsWith(".jpg");
                assertThat(Files.size(variants.get("spritesheet").toPath())).isPositive();

                Exchange retrieved = send(context, "direct:op", id, Map.of());
                assertThat(retrieved.getMessage().getBody(Video.class).id()).isEqualTo(id);

                Exchange delete = send(context, "direct:op", id, Map.of(SoraConstants.OPERATION, "delete"));
                assertThat(delete.getException()).isInstanceOf(SoraValidationException.class);
                assertThat(sim.counters(sim.backendId(id)).creates()).isEqualTo(1);
            }
        }
    }

    @Test
    void openAiAtItsOwnRetiredEndpointFailsAtStartUnlessAllowed() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("sora", new SoraComponent());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("sora:generate?apiKey=sk-test");
            }
        });
        assertThatThrownBy(context::start).hasRootCauseInstanceOf(SoraRetiredEndpointException.class)
                .rootCause().hasMessageContaining("2026-09-24").hasMessageContaining("provider=cometapi")
                .hasMessageContaining("provider=litellm").hasMessageContaining("provider=openrouter")
                .hasMessageContaining("allowRetiredEndpoint");
        context.close();

        CamelContext allowed = new DefaultCamelContext();
        allowed.addComponent("sora", new SoraComponent());
        allowed.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("sora:generate?apiKey=sk-test&allowRetiredEndpoint=true");
            }
        });
        allowed.start();
        assertThat(allowed.getRoutes()).hasSize(1);
        allowed.close();
    }

    @Test
    void consumersThatReadFromTheProviderAreRefusedAtARetiredEndpointToo() throws Exception {
        for (String uri : new String[] { "sora:videos?apiKey=sk-test", "sora:webhook?webhookSecret=s3cret" }) {
            CamelContext context = new DefaultCamelContext();
            context.addComponent("sora", new SoraComponent());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).to("log:x");
                }
            });
            assertThatThrownBy(context::start).as(uri).satisfies(e -> assertThat(
                    org.apache.camel.util.ObjectHelper.getException(SoraRetiredEndpointException.class, e)).isNotNull());
            context.close();
        }
    }

    @Test
    void azureAtItsOwnHostsIsRetiredSinceTheLastSora2Deployment() throws Exception {
        for (String host : new String[] { "https://my-res.openai.azure.com/openai/v1",
                                          "https://my-res.cognitiveservices.azure.com/openai/v1" }) {
            CamelContext context = new DefaultCamelContext();
            context.addComponent("sora", new SoraComponent());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").to("sora:generate?provider=azure&apiKey=k&baseUrl=" + host);
                }
            });
            assertThatThrownBy(context::start).hasRootCauseInstanceOf(SoraRetiredEndpointException.class)
                    .rootCause().hasMessageContaining("2026-10-15").hasMessageContaining("provider=litellm")
                    .hasMessageContaining("provider=cometapi");
            context.close();
        }
    }
}
