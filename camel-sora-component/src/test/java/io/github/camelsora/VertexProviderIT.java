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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsora.api.SoraApiException;
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
 * {@code provider=vertex} against the simulator's Vertex dialect: a YAML route delivers the inline (base64) video,
 * decoded into the file as it arrives; with storageUri the video is read from Cloud Storage; status is read with
 * fetchPredictOperation; the token travels as a bearer token.
 */
class VertexProviderIT extends CamelTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .dialect(Dialect.VERTEX)
            .apiKey("ya29.sim-vertex-token")
            .renderTime(Duration.ofMillis(800))
            .recordExchanges(true)
            .resetBeforeEach(true)
            .build();

    @TempDir
    static Path output;

    private static final String ROUTE = """
            - route:
                id: yaml-vertex
                from:
                  uri: direct:yaml
                  steps:
                    - to:
                        uri: sora
                        parameters:
                          operation: generate
                          provider: vertex
                          baseUrl: "{{sim.baseUrl}}"
                          accessToken: "{{sim.token}}"
                          model: veo-3.1-generate-001
                          size: 720x1280
                          seconds: "6"
                          seed: 42
                          generateAudio: false
                          pollDelay: 200ms
                          outputDirectory: "{{sim.output}}"
            """;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SoraComponent sora = TestSora.component(SIM.baseUrl(), null, output, 200, 500);
        sora.getConfiguration().setProvider("vertex");
        sora.getConfiguration().setAccessToken(SIM.apiKey());
        sora.getConfiguration().setModel("veo-3.1-fast-generate-001");
        context.addComponent("sora", sora);
        Properties properties = new Properties();
        properties.setProperty("sim.baseUrl", SIM.baseUrl());
        properties.setProperty("sim.token", SIM.apiKey());
        properties.setProperty("sim.output", output.toString());
        context.getPropertiesComponent().setInitialProperties(properties);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:gcs").to("sora:generate?size=1280x720&seconds=4&storageUri=gs://sim-bucket/veo/");
                from("direct:inline").to("sora:generate?size=1280x720&seconds=4");
                from("direct:location").to("sora:generate?size=1280x720&seconds=4&storageUri=gs://sim-bucket/veo"
                                           + "&downloadResult=false");
                from("direct:noStorage").to("sora:generate?size=1280x720&seconds=4&downloadResult=false");
                from("direct:badToken").to("sora:generate?size=1280x720&seconds=4&accessToken=RAW(ya29.wrong)");
                from("direct:bigger").to("sora:generate?size=1280x720&seconds=4&maxDownloadBytes=1000");
            }
        };
    }

    @Test
    void aYamlRouteDeliversTheInlineVideo() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("vertex.yaml", ROUTE));

        Exchange result = template.request("direct:yaml", e -> e.getMessage().setBody("A red kite over hills"));

        assertThat(result.getException()).isNull();
        String videoId = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        assertThat(videoId).matches("projects/sim-project/locations/us-central1/publishers/google/models/"
                                    + "veo-3\\.1-generate-001/operations/[0-9a-f-]{36}");
        File file = result.getMessage().getBody(File.class);
        Mp4Assertions.assertPlayableMp4(file, 720, 1280, 6);
        assertThat(result.getMessage().getHeader(SoraConstants.MODEL)).isEqualTo("veo-3.1-generate-001");

        List<RecordedExchange> exchanges = SIM.simulator().recordedExchanges();
        JsonNode create = JSON.readTree(exchanges.get(0).requestBody());
        assertThat(exchanges.get(0).path()).endsWith("/publishers/google/models/veo-3.1-generate-001"
                                                     + ":predictLongRunning");
        assertThat(create.path("parameters").path("aspectRatio").asText()).isEqualTo("9:16");
        assertThat(create.path("parameters").path("seed").asInt()).isEqualTo(42);
        assertThat(create.path("parameters").path("generateAudio").isBoolean()).isTrue();
        assertThat(exchanges.subList(1, exchanges.size())).allSatisfy(x -> {
            assertThat(x.method()).isEqualTo("POST");
            assertThat(x.path()).endsWith(":fetchPredictOperation");
            assertThat(x.requestHeaders()).containsKey("authorization"); // redacted; a wrong token is refused
            assertThat(x.status()).isEqualTo(200);
        });
    }

    @Test
    void withStorageUriTheVideoIsReadFromCloudStorage() throws Exception {
        Exchange result = template.request("direct:gcs", e -> e.getMessage().setBody("A glacier"));

        assertThat(result.getException()).isNull();
        Mp4Assertions.assertPlayableMp4(result.getMessage().getBody(File.class), 1280, 720, 4);
        JsonNode create = JSON.readTree(SIM.simulator().recordedExchanges().get(0).requestBody());
        assertThat(create.path("parameters").path("storageUri").asText()).isEqualTo("gs://sim-bucket/veo/");
        assertThat(SIM.simulator().recordedExchanges())
                .anyMatch(x -> x.path().startsWith("/download/storage/v1/b/sim-bucket/o/veo%2F")
                               && x.requestHeaders().containsKey("authorization") && x.status() == 200);
    }

    @Test
    void withDownloadResultOffTheExchangeCarriesTheLocation() {
        Exchange result = template.request("direct:location", e -> e.getMessage().setBody("A glacier"));

        assertThat(result.getException()).isNull();
        String location = result.getMessage().getHeader(SoraConstants.OUTPUT_URI, String.class);
        assertThat(location).matches("gs://sim-bucket/veo/[0-9a-f-]{36}/sample_0\\.mp4");
        assertThat(result.getMessage().getBody()).isEqualTo(location);
        assertThat(SIM.simulator().totalDownloads()).isZero();
        assertThat(SIM.simulator().recordedExchanges()).noneMatch(x -> x.path().startsWith("/download/"));
    }

    @Test
    void withDownloadResultOffAStorageUriIsRequiredBeforeAnythingIsSent() {
        Exchange result = template.request("direct:noStorage", e -> e.getMessage().setBody("A glacier"));

        assertThat(result.getException()).isInstanceOf(SoraValidationException.class)
                .hasMessageContaining("storageUri");
        assertThat(SIM.simulator().totalRequests()).isZero();
    }

    @Test
    void aFilteredSampleAndAFailedOperationAreTypedFailures() {
        SIM.simulator().failWhenPromptContains("[unsafe]", "moderation_blocked", "Person generation is blocked.");
        SIM.simulator().failWhenPromptContains("[boom]", "server_error", "Internal error.");

        Exchange filtered = template.request("direct:inline", e -> e.getMessage().setBody("[unsafe] a crowd"));
        Exchange failed = template.request("direct:inline", e -> e.getMessage().setBody("[boom] a crowd"));

        assertThat(((SoraJobFailedException) filtered.getException()).getErrorCode()).isEqualTo("content_filtered");
        assertThat(((SoraJobFailedException) failed.getException()).getErrorCode()).isEqualTo("INTERNAL");
    }

    @Test
    void aWrongTokenIsRefusedWithoutRetry() {
        Exchange result = template.request("direct:badToken", e -> e.getMessage().setBody("A fox"));

        assertThat(result.getException()).isInstanceOf(SoraApiException.class);
        assertThat(((SoraApiException) result.getException()).getStatusCode()).isEqualTo(401);
        assertThat(((SoraApiException) result.getException()).getErrorCode()).isEqualTo("unauthenticated");
        assertThat(SIM.simulator().totalRequests()).isEqualTo(1);
    }

    @Test
    void theInlineVideoIsCappedLikeAnyDownload() {
        Exchange result = template.request("direct:bigger", e -> e.getMessage().setBody("A fox"));

        assertThat(result.getException()).isInstanceOf(SoraApiException.class)
                .hasMessageContaining("response_too_large");
        assertThat(output).isDirectoryNotContaining("glob:**.part");
    }
}
