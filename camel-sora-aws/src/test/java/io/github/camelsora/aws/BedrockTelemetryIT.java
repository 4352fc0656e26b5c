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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.camelsora.SoraComponent;
import io.github.camelsora.SoraConstants;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.RecordedExchange;
import io.github.camelsora.simulator.SoraSimulator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bedrock's calls go through the AWS SDK, not the component's own transport, and are traced the same way: with
 * camel-opentelemetry2 on, each StartAsyncInvoke, GetAsyncInvoke and the S3 GetObject of the result is a client span
 * under the exchange's sora span, and each request Bedrock receives carries that span's W3C {@code traceparent}.
 */
class BedrockTelemetryIT {

    static S3Fixture s3;
    static SoraSimulator sim;

    @TempDir
    static Path output;
    @TempDir
    static Path delivered;

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3Fixture();
        s3.client().createBucket(b -> b.bucket("videos"));
        sim = SoraSimulator.builder().dialect(Dialect.BEDROCK).apiKey(S3Fixture.ACCESS_KEY)
                .renderTime(Duration.ofMillis(600)).recordExchanges(true)
                .s3Output(s3.endpoint().toString(), S3Fixture.ACCESS_KEY, S3Fixture.SECRET_KEY)
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
        s3.close();
    }

    @Test
    void everyBedrockAndS3CallIsAClientSpanOfTheJobsTraceAndCarriesItsTraceparent() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("otelTracer", otel.getTracer("camel"));
            context.getRegistry().bind("otelPropagators", otel.getPropagators());
            new OpenTelemetryTracer().init(context);
            SoraComponent sora = new SoraComponent();
            sora.getConfiguration().setProvider("bedrock");
            sora.getConfiguration().setBaseUrl(sim.baseUrl());
            sora.getConfiguration().setAccessKeyId(S3Fixture.ACCESS_KEY);
            sora.getConfiguration().setSecretAccessKey(S3Fixture.SECRET_KEY);
            sora.getConfiguration().setStorageEndpoint(s3.endpoint().toString());
            sora.getConfiguration().setStorageUri("s3://videos/traced");
            sora.getConfiguration().setOutputDirectory(output.toString());
            sora.getConfiguration().setPollDelay(200);
            sora.getConfiguration().setMaxPollDelay(400);
            context.addComponent("sora", sora);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:prompts").routeId("prompts")
                            .to("sora:generate?model=amazon.nova-reel-v1:0&size=1280x720&seconds=6")
                            .to("file:" + delivered);
                }
            });
            context.start();

            Exchange done = context.createProducerTemplate().request("direct:prompts",
                    e -> e.getMessage().setBody("A lighthouse at dusk"));
            assertThat(done.getException()).isNull();
            assertThat(new File(delivered.toFile(), done.getMessage().getHeader(Exchange.FILE_NAME, String.class)))
                    .exists();
            String videoId = done.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);

            await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                    .anyMatch(s -> s.getName().equals("file")));
            List<SpanData> all = spans.getFinishedSpanItems();
            assertThat(all).extracting(SpanData::getTraceId).containsOnly(all.get(0).getTraceId());
            SpanData generate = all.stream().filter(s -> s.getName().equals("sora:generate")).findFirst()
                    .orElseThrow();
            List<SpanData> clients = all.stream().filter(s -> s.getName().startsWith("sora ")).toList();
            assertThat(clients).extracting(SpanData::getName)
                    .contains("sora create video", "sora retrieve video", "sora download video");
            assertThat(clients).allSatisfy(client -> {
                assertThat(client.getParentSpanId()).isEqualTo(generate.getSpanId());
                assertThat(client.getAttributes().get(AttributeKey.stringKey("http.status_code"))).startsWith("2");
            });
            assertThat(clients.stream().filter(c -> !c.getName().equals("sora create video")))
                    .allSatisfy(c -> assertThat(c.getAttributes().get(AttributeKey.stringKey("sora.video.id")))
                            .isEqualTo(videoId));

            List<RecordedExchange> received = sim.recordedExchanges();
            assertThat(received).isNotEmpty().allSatisfy(request -> {
                String traceparent = request.requestHeaders().get("traceparent");
                assertThat(traceparent).as("traceparent of %s", request).isNotNull();
                String[] parts = traceparent.split("-");
                assertThat(parts[1]).isEqualTo(generate.getTraceId());
                assertThat(clients).extracting(SpanData::getSpanId).contains(parts[2]);
            });
            // no credential in any span
            assertThat(all).allSatisfy(s -> assertThat(s.getAttributes().toString())
                    .doesNotContain(S3Fixture.SECRET_KEY));
        }
    }
}
