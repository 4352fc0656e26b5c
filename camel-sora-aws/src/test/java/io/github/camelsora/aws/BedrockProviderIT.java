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
package io.github.camelsora.aws;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsora.SoraComponent;
import io.github.camelsora.SoraConstants;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraJobFailedException;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.RecordedExchange;
import io.github.camelsora.simulator.Route;
import io.github.camelsora.simulator.SoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code provider=bedrock} (found through the VideoProviderFactory ServiceLoader in this artifact) against the
 * simulator's Bedrock dialect, the video written to an embedded S3Proxy: a YAML route delivers Nova Reel's MP4, Luma
 * Ray2's shape, the location instead of the bytes, one invocation for a create whose answer was lost (the
 * clientRequestToken), and failures as typed errors.
 */
class BedrockProviderIT extends CamelTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    static S3Fixture s3;
    static SoraSimulator sim;

    @TempDir
    static Path output;

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3Fixture();
        s3.client().createBucket(b -> b.bucket("videos"));
        sim = SoraSimulator.builder().dialect(Dialect.BEDROCK).apiKey(S3Fixture.ACCESS_KEY)
                .renderTime(Duration.ofMillis(800)).recordExchanges(true)
                .s3Output(s3.endpoint().toString(), S3Fixture.ACCESS_KEY, S3Fixture.SECRET_KEY)
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
        s3.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    private static final String ROUTE = """
            - route:
                id: yaml-bedrock
                from:
                  uri: direct:yaml
                  steps:
                    - to:
                        uri: sora
                        parameters:
                          operation: generate
                          provider: bedrock
                          baseUrl: "{{sim.baseUrl}}"
                          region: us-east-1
                          accessKeyId: "{{aws.key}}"
                          secretAccessKey: "{{aws.secret}}"
                          storageEndpoint: "{{s3.endpoint}}"
                          storageUri: s3://videos/nova
                          model: "amazon.nova-reel-v1:0"
                          size: 1280x720
                          seconds: "6"
                          seed: 7
                          pollDelay: 200ms
                          outputDirectory: "{{sim.output}}"
            """;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setProvider("bedrock");
        sora.getConfiguration().setBaseUrl(sim.baseUrl());
        sora.getConfiguration().setAccessKeyId(S3Fixture.ACCESS_KEY);
        sora.getConfiguration().setSecretAccessKey(S3Fixture.SECRET_KEY);
        sora.getConfiguration().setStorageEndpoint(s3.endpoint().toString());
        sora.getConfiguration().setStorageUri("s3://videos/out");
        sora.getConfiguration().setOutputDirectory(output.toString());
        sora.getConfiguration().setPollDelay(200);
        sora.getConfiguration().setMaxPollDelay(500);
        sora.getConfiguration().setRetryDelay(100);
        context.addComponent("sora", sora);
        Properties properties = new Properties();
        properties.setProperty("sim.baseUrl", sim.baseUrl());
        properties.setProperty("aws.key", S3Fixture.ACCESS_KEY);
        properties.setProperty("aws.secret", S3Fixture.SECRET_KEY);
        properties.setProperty("s3.endpoint", s3.endpoint().toString());
        properties.setProperty("sim.output", output.toString());
        context.getPropertiesComponent().setInitialProperties(properties);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:luma").to("sora:generate?model=luma.ray-v2:0&size=720x1280&seconds=5");
                from("direct:nova").to("sora:generate?model=amazon.nova-reel-v1:0&size=1280x720&seconds=6");
                from("direct:location").to("sora:generate?model=amazon.nova-reel-v1:0&size=1280x720&seconds=6"
                                           + "&downloadResult=false");
                from("direct:noStorage").to("sora:generate?model=amazon.nova-reel-v1:0&size=1280x720&seconds=6"
                                            + "&storageUri=");
                from("direct:wrongKey").to("sora:generate?model=amazon.nova-reel-v1:0&size=1280x720&seconds=6"
                                           + "&accessKeyId=AKIAWRONG");
            }
        };
    }

    @Test
    void aYamlRouteDeliversNovaReelsVideoFromS3() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("bedrock.yaml", ROUTE));

        Exchange result = template.request("direct:yaml", e -> e.getMessage().setBody("A kite over dunes"));

        assertThat(result.getException()).isNull();
        String arn = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        assertThat(arn).matches("arn:aws:bedrock:us-east-1:123456789012:async-invoke/[0-9a-f]{12}");
        File file = result.getMessage().getBody(File.class);
        assertThat(file.getName()).matches("video_[0-9a-f]{32}\\.mp4");
        assertThat(Files.size(file.toPath())).isGreaterThan(1000);
        String location = result.getMessage().getHeader(SoraConstants.OUTPUT_URI, String.class);
        assertThat(location).isEqualTo("s3://videos/nova/" + arn.substring(arn.lastIndexOf('/') + 1)
                                       + "/output.mp4");
        assertThat(result.getMessage().getHeader(SoraConstants.MODEL)).isEqualTo("amazon.nova-reel-v1:0");

        RecordedExchange start = sim.recordedExchanges().get(0);
        assertThat(start.path()).isEqualTo("/async-invoke");
        JsonNode body = JSON.readTree(start.requestBody());
        assertThat(body.path("modelId").asText()).isEqualTo("amazon.nova-reel-v1:0");
        assertThat(body.path("clientRequestToken").asText()).matches("[0-9a-f]{64}");
        assertThat(body.path("modelInput").path("taskType").asText()).isEqualTo("TEXT_VIDEO");
        assertThat(body.path("modelInput").path("textToVideoParams").path("text").asText())
                .isEqualTo("A kite over dunes");
        assertThat(body.path("modelInput").path("videoGenerationConfig").path("seed").asInt()).isEqualTo(7);
        assertThat(body.path("outputDataConfig").path("s3OutputDataConfig").path("s3Uri").asText())
                .isEqualTo("s3://videos/nova");
        assertThat(start.requestHeaders().get("authorization")).isEqualTo("<redacted>");
        // one shared event loop of two daemon threads serves every Bedrock and S3 client
        List<Thread> io = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("sora-aws-io-")).toList();
        assertThat(io).isNotEmpty().hasSizeLessThanOrEqualTo(2).allMatch(Thread::isDaemon);
    }

    @Test
    void lumaRay2GetsItsOwnShape() throws Exception {
        Exchange result = template.request("direct:luma", e -> e.getMessage().setBody("A waterfall"));

        assertThat(result.getException()).isNull();
        JsonNode input = JSON.readTree(sim.recordedExchanges().get(0).requestBody()).path("modelInput");
        assertThat(input.path("prompt").asText()).isEqualTo("A waterfall");
        assertThat(input.path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(input.path("resolution").asText()).isEqualTo("720p");
        assertThat(input.path("duration").asText()).isEqualTo("5s");
    }

    @Test
    void withDownloadResultOffTheExchangeCarriesTheS3LocationForTheNextEndpoint() {
        Exchange result = template.request("direct:location", e -> e.getMessage().setBody("A glacier"));

        assertThat(result.getException()).isNull();
        String location = result.getMessage().getBody(String.class);
        assertThat(location).startsWith("s3://videos/out/").endsWith("/output.mp4")
                .isEqualTo(result.getMessage().getHeader(SoraConstants.OUTPUT_URI));
        String key = location.substring("s3://videos/".length());
        ResponseBytes<GetObjectResponse> object = s3.client().getObjectAsBytes(b -> b.bucket("videos").key(key));
        assertThat(object.asByteArray().length).isGreaterThan(1000);
        String arn = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        assertThat(output.resolve(io.github.camelsora.media.VideoFiles.safeStem(arn) + ".mp4")).doesNotExist();
    }

    @Test
    void aCreateWhoseAnswerWasLostIsSentAgainWithTheSameTokenAndStartsOneInvocation() throws Exception {
        sim.dropConnection(Route.CREATE, true);

        Exchange result = template.request("direct:nova", e -> e.getMessage().setBody("A lost answer"));

        assertThat(result.getException()).isNull();
        List<RecordedExchange> starts = sim.recordedExchanges().stream()
                .filter(x -> x.path().equals("/async-invoke")).toList();
        assertThat(starts).hasSize(2);
        assertThat(JSON.readTree(starts.get(0).requestBody()).path("clientRequestToken").asText())
                .isEqualTo(JSON.readTree(starts.get(1).requestBody()).path("clientRequestToken").asText());
        assertThat(sim.totalCreates()).isEqualTo(1);
    }

    @Test
    void failuresAreTyped() {
        sim.failWhenPromptContains("[unsafe]", "moderation_blocked", "");

        Exchange filtered = template.request("direct:nova", e -> e.getMessage().setBody("[unsafe] a crowd"));
        Exchange noStorage = template.request("direct:noStorage", e -> e.getMessage().setBody("A fox"));
        Exchange wrongKey = template.request("direct:wrongKey", e -> e.getMessage().setBody("A fox"));

        assertThat(filtered.getException()).isInstanceOf(SoraJobFailedException.class);
        assertThat(((SoraJobFailedException) filtered.getException()).getErrorCode()).isEqualTo("content_filtered");
        assertThat(noStorage.getException()).isInstanceOf(SoraValidationException.class)
                .hasMessageContaining("storageUri");
        assertThat(wrongKey.getException()).isInstanceOf(SoraApiException.class);
        assertThat(((SoraApiException) wrongKey.getException()).getStatusCode()).isEqualTo(403);
        assertThat(((SoraApiException) wrongKey.getException()).getErrorCode())
                .isEqualTo("UnrecognizedClientException");
    }
}
