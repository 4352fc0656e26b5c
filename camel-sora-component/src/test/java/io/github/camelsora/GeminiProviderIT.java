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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraAssetExpiredException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraJobFailedException;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.RecordedExchange;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code provider=gemini} against the simulator's Gemini dialect: a YAML route delivers the MP4 (the operation name,
 * slashes and all, as the video id; the file named by its hash), the request is Veo's, the key travels only as
 * x-goog-api-key, and each way a Veo job ends maps to the component's typed errors.
 */
class GeminiProviderIT extends CamelTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .dialect(Dialect.GEMINI)
            .apiKey("AIza-sim-gemini-key")
            .renderTime(Duration.ofMillis(800))
            .recordExchanges(true)
            .resetBeforeEach(true)
            .build();

    @TempDir
    static Path output;

    private static final String ROUTE = """
            - route:
                id: yaml-gemini
                from:
                  uri: direct:yaml
                  steps:
                    - to:
                        uri: sora
                        parameters:
                          operation: generate
                          provider: gemini
                          baseUrl: "{{sim.baseUrl}}"
                          apiKey: "{{sim.apiKey}}"
                          model: veo-3.1-generate-preview
                          size: 1280x720
                          seconds: "8"
                          negativePrompt: cartoon, low quality
                          pollDelay: 200ms
                          outputDirectory: "{{sim.output}}"
            """;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SoraComponent sora = TestSora.component(SIM.baseUrl(), SIM.apiKey(), output, 200, 500);
        sora.getConfiguration().setProvider("gemini");
        sora.getConfiguration().setModel("veo-3.1-fast-generate-preview");
        context.addComponent("sora", sora);
        Properties properties = new Properties();
        properties.setProperty("sim.baseUrl", SIM.baseUrl());
        properties.setProperty("sim.apiKey", SIM.apiKey());
        properties.setProperty("sim.output", output.toString());
        context.getPropertiesComponent().setInitialProperties(properties);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:portrait").to("sora:generate?size=720x1280&seconds=4");
                from("direct:seed").to("sora:generate?size=1280x720&seconds=4&seed=42");
                from("direct:audio").to("sora:generate?size=1280x720&seconds=4&generateAudio=false");
                from("direct:soraModel").to("sora:generate?size=1280x720&seconds=4&model=sora-2");
                from("direct:wrongKey").to("sora:generate?size=1280x720&seconds=4&apiKey=RAW(AIza-wrong-key)");
            }
        };
    }

    @Test
    void openAisModelIsRefusedBeforeAnythingIsSent() {
        int before = SIM.simulator().totalRequests();
        Exchange result = template.request("direct:soraModel", e -> e.getMessage().setBody("A kite"));
        assertThat(result.getException()).isInstanceOf(io.github.camelsora.api.SoraValidationException.class)
                .hasMessageContaining("model").hasMessageContaining("gemini").hasMessageContaining("veo-");
        assertThat(SIM.simulator().totalRequests()).isEqualTo(before);
    }

    @Test
    void aYamlRouteDeliversTheVeoVideo() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("gemini.yaml", ROUTE));

        Exchange result = template.request("direct:yaml", e -> e.getMessage().setBody("A kite over dunes"));

        assertThat(result.getException()).isNull();
        String videoId = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        assertThat(videoId).matches("models/veo-3\\.1-generate-preview/operations/[0-9a-f]+");
        File file = result.getMessage().getBody(File.class);
        // the operation name has slashes: the file is named by its hash, inside the output directory
        assertThat(file.toPath().getParent()).isEqualTo(output);
        assertThat(file.getName()).matches("video_[0-9a-f]{32}\\.mp4");
        Mp4Assertions.assertPlayableMp4(file, 1280, 720, 8);
        assertThat(result.getMessage().getHeaders())
                .containsEntry(SoraConstants.STATUS, "completed")
                .containsEntry(SoraConstants.MODEL, "veo-3.1-generate-preview");
        assertThat(SIM.simulator().counters(videoId).creates()).isEqualTo(1);
        assertThat(SIM.simulator().counters(videoId).downloads()).isEqualTo(1);

        List<RecordedExchange> exchanges = SIM.simulator().recordedExchanges();
        RecordedExchange create = exchanges.get(0);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo("/v1beta/models/veo-3.1-generate-preview:predictLongRunning");
        JsonNode body = JSON.readTree(new String(create.requestBody(), StandardCharsets.UTF_8));
        assertThat(body.path("instances").path(0).path("prompt").asText()).isEqualTo("A kite over dunes");
        assertThat(body.path("parameters").path("aspectRatio").asText()).isEqualTo("16:9");
        assertThat(body.path("parameters").path("resolution").asText()).isEqualTo("720p");
        assertThat(body.path("parameters").path("durationSeconds").asInt()).isEqualTo(8);
        assertThat(body.path("parameters").path("negativePrompt").asText()).isEqualTo("cartoon, low quality");
        // each segment of the operation name encoded, the slashes kept
        assertThat(exchanges).anyMatch(x -> x.method().equals("GET") && x.path().equals("/v1beta/" + videoId));
        assertThat(exchanges).anyMatch(x -> x.path().matches("/v1beta/files/[0-9a-f]+:download"));
        for (RecordedExchange exchange : exchanges) {
            // the recorder redacts the key's value; the simulator refused any request without the right one
            assertThat(exchange.requestHeaders()).containsEntry("x-goog-api-key", "<redacted>")
                    .doesNotContainKey("authorization");
            assertThat(exchange.status()).isEqualTo(200);
        }
    }

    @Test
    void portraitSizesBecomeNineBySixteen() throws Exception {
        Exchange result = template.request("direct:portrait", e -> e.getMessage().setBody("A waterfall"));

        assertThat(result.getException()).isNull();
        Mp4Assertions.assertPlayableMp4(result.getMessage().getBody(File.class), 720, 1280, 4);
        JsonNode body = JSON.readTree(SIM.simulator().recordedExchanges().get(0).requestBody());
        assertThat(body.path("parameters").path("aspectRatio").asText()).isEqualTo("9:16");
    }

    @Test
    void aFailedOperationCarriesItsStatusCodeAndMessage() {
        SIM.simulator().failWhenPromptContains("[boom]", "server_error", "The render backend failed");

        Exchange result = template.request("direct:portrait", e -> e.getMessage().setBody("[boom] a storm"));

        assertThat(result.getException()).isInstanceOf(SoraJobFailedException.class);
        SoraJobFailedException failed = (SoraJobFailedException) result.getException();
        assertThat(failed.getVideoId()).contains("/operations/");
        assertThat(failed.getErrorCode()).isEqualTo("INTERNAL");
        assertThat(failed.getErrorMessage()).isEqualTo("The render backend failed");
        assertThat(failed.getJobExistence()).isEqualTo(SoraException.JobExistence.CREATED);
    }

    @Test
    void aFilteredSampleIsAFailureNamingTheFilter() {
        SIM.simulator().failWhenPromptContains("[unsafe]", "moderation_blocked", "Veo could not generate videos"
                + " because the input image violates the usage guidelines.");

        Exchange result = template.request("direct:portrait", e -> e.getMessage().setBody("[unsafe] something"));

        assertThat(result.getException()).isInstanceOf(SoraJobFailedException.class);
        SoraJobFailedException failed = (SoraJobFailedException) result.getException();
        assertThat(failed.getErrorCode()).isEqualTo("content_filtered");
        assertThat(failed.getErrorMessage()).contains("usage guidelines");
    }

    @Test
    void aVideoOlderThanTwoDaysIsExpired() {
        SIM.simulator().expireWhenPromptContains("[old]", Duration.ZERO);

        Exchange result = template.request("direct:portrait", e -> e.getMessage().setBody("[old] a harbour"));

        assertThat(result.getException()).isInstanceOf(SoraAssetExpiredException.class);
        assertThat(((SoraException) result.getException()).getVideoId()).contains("/operations/");
        assertThat(output).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void parametersTheGeminiApiDoesNotDocumentAreRefusedBeforeAnythingIsSent() {
        Exchange seed = template.request("direct:seed", e -> e.getMessage().setBody("A fox"));
        Exchange audio = template.request("direct:audio", e -> e.getMessage().setBody("A fox"));

        assertThat(seed.getException()).isInstanceOf(SoraValidationException.class).hasMessageContaining("seed");
        assertThat(audio.getException()).isInstanceOf(SoraValidationException.class)
                .hasMessageContaining("generateAudio");
        assertThat(((SoraException) seed.getException()).getJobExistence())
                .isEqualTo(SoraException.JobExistence.NOT_CREATED);
        assertThat(SIM.simulator().totalRequests()).isZero();
    }

    @Test
    void aWrongKeyIsRefusedOnceAndNotRepeated() {
        Exchange result = template.request("direct:wrongKey", e -> e.getMessage().setBody("A fox"));

        assertThat(result.getException()).isInstanceOf(SoraApiException.class);
        SoraApiException refused = (SoraApiException) result.getException();
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getErrorCode()).isEqualTo("invalid_argument");
        assertThat(refused.getMessage()).contains("API key not valid").doesNotContain("AIza-wrong-key");
        assertThat(SIM.simulator().totalRequests()).isEqualTo(1);
        assertThat(SIM.simulator().totalCreates()).isZero();
    }
}
