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
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelsora.api.JobScope;
import io.github.camelsora.simulator.RecordedExchange;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Following one paid job everywhere, as an operator runs it with camel-opentelemetry2, camel-micrometer's registry,
 * MDC logging and JMX on: one trace from the prompt's arrival to the file's delivery with a client span and a
 * {@code traceparent} per provider request; every log line of the component with the exchange's MDC and the video
 * id, whatever thread wrote it; meters tagged as Camel's; managed attributes and the worker pool in JMX.
 */
class TelemetryIT {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey("sk-sim-telemetry-it-5e1f")
            .renderTime(Duration.ofMillis(1500))
            .drawPrompt(false)
            .recordExchanges(true)
            .resetBeforeEach(true)
            .build();

    @TempDir
    static Path output;
    @TempDir
    static Path delivered;

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final List<LogEvent> lines = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private AbstractAppender appender;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        appender = new AbstractAppender("telemetry-it", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.toImmutable());
            }
        };
        appender.start();
        ((Logger) LogManager.getLogger("io.github.camelsora")).addAppender(appender);

        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("telemetry-it");
        context.setUseMDCLogging(true);
        context.getRegistry().bind("otelTracer", otel.getTracer("camel"));
        context.getRegistry().bind("otelPropagators", otel.getPropagators());
        context.getRegistry().bind("metricsRegistry", meters);
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        tracer.init(context);

        SoraComponent sora = TestSora.component(SIM.baseUrl(), SIM.apiKey(), output, 100, 300);
        sora.setMaxSpendPerDay(25.0);
        context.addComponent("sora", sora);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:prompts").routeId("prompts")
                        .to("sora:generate?model=sora-2&size=1280x720&seconds=4")
                        .to("file:" + delivered);
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        ((Logger) LogManager.getLogger("io.github.camelsora")).removeAppender(appender);
        context.stop();
    }

    private Exchange generate() {
        Exchange done = context.createProducerTemplate().request("direct:prompts",
                e -> e.getMessage().setBody("A lighthouse at dusk"));
        assertThat(done.getException()).isNull();
        assertThat(new File(delivered.toFile(), done.getMessage().getHeader(Exchange.FILE_NAME, String.class)))
                .exists();
        return done;
    }

    /** What a run looked like, for docs/user-guide.md "Observability" (target/telemetry-it-*.txt). */
    private static void sample(String what, List<String> lines) {
        try {
            java.nio.file.Files.write(Path.of("target", "telemetry-it-" + what + ".txt"), lines);
        } catch (java.io.IOException e) {
            // only a sample
        }
    }

    @Test
    void oneTraceFromThePromptToTheDeliveredFileWithAClientSpanPerProviderRequest() {
        Exchange done = generate();
        String videoId = done.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);

        await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(s -> s.getName().equals("prompts") || s.getParentSpanId().equals("0000000000000000")));
        List<SpanData> all = spans.getFinishedSpanItems();
        assertThat(all).extracting(SpanData::getTraceId).containsOnly(all.get(0).getTraceId());

        SpanData sora = all.stream().filter(s -> s.getName().equals("sora:generate")).findFirst().orElseThrow();
        assertThat(sora.getAttributes().get(AttributeKey.stringKey("sora.video.id"))).isEqualTo(videoId);
        assertThat(sora.getAttributes().get(AttributeKey.stringKey("sora.status"))).isEqualTo("completed");
        SpanData file = all.stream().filter(s -> s.getName().equals("file")).findFirst().orElseThrow();
        // the endpoint's span covers the wait: it ends before the file is written and after every request
        List<SpanData> clients = all.stream().filter(s -> s.getName().startsWith("sora ")).toList();
        assertThat(clients).extracting(SpanData::getName)
                .contains("sora create video", "sora retrieve video", "sora download video");
        assertThat(clients).allSatisfy(client -> {
            assertThat(client.getParentSpanId()).isEqualTo(sora.getSpanId());
            assertThat(client.getEndEpochNanos()).isLessThanOrEqualTo(sora.getEndEpochNanos());
            assertThat(client.getAttributes().get(AttributeKey.stringKey("http.status_code"))).startsWith("2");
        });
        assertThat(clients.stream().filter(c -> !c.getName().equals("sora create video")))
                .allSatisfy(c -> assertThat(c.getAttributes().get(AttributeKey.stringKey("sora.video.id")))
                        .isEqualTo(videoId));
        assertThat(file.getStartEpochNanos()).isGreaterThanOrEqualTo(sora.getEndEpochNanos());

        // every request the provider received carried the trace context of its client span
        List<RecordedExchange> received = SIM.simulator().recordedExchanges();
        assertThat(received).isNotEmpty().allSatisfy(request -> {
            String traceparent = request.requestHeaders().get("traceparent");
            assertThat(traceparent).as("traceparent of %s", request).isNotNull();
            String[] parts = traceparent.split("-");
            assertThat(parts[1]).isEqualTo(sora.getTraceId());
            assertThat(clients).extracting(SpanData::getSpanId).contains(parts[2]);
        });
        assertThat(received).hasSameSizeAs(clients);

        sample("trace", all.stream().sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos))
                .map(s -> s.getName() + " span=" + s.getSpanId() + " parent=" + s.getParentSpanId() + " "
                          + s.getAttributes().asMap().entrySet().stream().filter(a -> a.getKey().getKey()
                                  .matches("sora\\..*|http\\..*|component|camel.uri"))
                                  .map(a -> a.getKey().getKey() + "=" + a.getValue()).sorted().toList())
                .toList());
        // no key anywhere in the spans
        assertThat(all).allSatisfy(s -> assertThat(s.getAttributes().toString()).doesNotContain(SIM.apiKey()));
    }

    @Test
    void everyLogLineOfTheJobCarriesTheExchangesMdcAndTheVideoIdWhateverThreadWroteIt() {
        Exchange done = generate();
        String videoId = done.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);

        List<LogEvent> job = lines.stream().filter(e -> e.getMessage().getFormattedMessage().contains(videoId))
                .toList();
        assertThat(job).extracting(e -> e.getMessage().getFormattedMessage())
                .anySatisfy(m -> assertThat(m).startsWith("Submitted video"))
                .anySatisfy(m -> assertThat(m).contains("% ("))
                .anySatisfy(m -> assertThat(m).contains("completed in"))
                .anySatisfy(m -> assertThat(m).contains("saved to"));
        assertThat(job).allSatisfy(line -> {
            Map<String, String> mdc = line.getContextData().toMap();
            assertThat(mdc).as("MDC of '%s' on %s", line.getMessage().getFormattedMessage(), line.getThreadName())
                    .containsEntry("camel.exchangeId", done.getExchangeId())
                    .containsEntry("camel.routeId", "prompts")
                    .containsEntry("camel.contextId", "telemetry-it")
                    .containsEntry(JobScope.MDC_VIDEO_ID, videoId);
        });
        sample("log", job.stream().map(e -> e.getThreadName() + " " + e.getLoggerName() + " - "
                + e.getMessage().getFormattedMessage() + " " + e.getContextData().toMap()).toList());
        // written on the component's own threads, not the route's
        Set<String> threads = job.stream().map(LogEvent::getThreadName).collect(java.util.stream.Collectors.toSet());
        assertThat(threads).anySatisfy(t -> assertThat(t).containsAnyOf("SoraHttpIO", "SoraJobTimer"));
        assertThat(threads).anySatisfy(t -> assertThat(t).contains("SoraWorker"));
    }

    @Test
    void metersAreNamedAndTaggedAsCamelsMeters() {
        Exchange done = generate();
        String videoId = done.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);

        Meter submitted = meters.get("camel.sora.jobs.submitted").meter();
        assertThat(submitted.getId().getTags()).extracting(t -> t.getKey() + "=" + t.getValue())
                .containsExactlyInAnyOrder("camelContext=telemetry-it", "routeId=prompts",
                        "endpointName=sora://generate", "provider=openai", "model=sora-2");
        assertThat(meters.get("camel.sora.jobs.completed").tags("routeId", "prompts", "model", "sora-2").counter()
                .count()).isEqualTo(1);
        assertThat(meters.get("camel.sora.status.requests").tags("routeId", "prompts", "provider", "openai")
                .counter().count()).isEqualTo(SIM.simulator().totalStatusReads());
        assertThat(meters.get("camel.sora.download.bytes").tag("routeId", "prompts").summary().count()).isEqualTo(1);
        assertThat(meters.get("camel.sora.cost.estimated").tag("routeId", "prompts").counter().count())
                .isEqualTo(0.4);
        assertThat(meters.get("camel.sora.jobs.in.flight").tag("camelContext", "telemetry-it").gauge().value())
                .isZero();
        meters.getMeters().forEach(meter -> assertThat(meter.getId().toString())
                .doesNotContain(SIM.apiKey()).doesNotContain(videoId));
        sample("meters", meters.getMeters().stream().map(m -> m.getId().getName() + " " + m.getId().getTags())
                .sorted().toList());
    }

    @Test
    void jmxShowsTheComponentTheEndpointAndTheWorkerPool() throws Exception {
        generate();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String domain = "org.apache.camel:context=telemetry-it,";
        ObjectName component = new ObjectName(domain + "type=components,name=\"sora\"");
        assertThat(server.getAttribute(component, "JobsInFlight")).isEqualTo(0);
        assertThat((Double) server.getAttribute(component, "BudgetSpentToday")).isEqualTo(0.4);
        assertThat(server.getAttribute(component, "BudgetLimit")).isEqualTo(25.0);
        assertThat(server.getAttribute(component, "LimiterQueueLength")).isEqualTo(0);

        Set<ObjectName> endpoints = server.queryNames(new ObjectName(domain + "type=endpoints,*"), null);
        ObjectName endpoint = endpoints.stream().filter(n -> n.getKeyProperty("name").contains("sora://generate"))
                .findFirst().orElseThrow();
        assertThat(server.getAttribute(endpoint, "JobsInFlight")).isEqualTo(0);
        assertThat(server.getAttribute(endpoint, "BudgetSpentToday")).isEqualTo(0.4);
        assertThat(server.getAttribute(endpoint, "LimiterQueueLength")).isEqualTo(0);
        assertThat(server.getAttribute(endpoint, "ProviderName")).isEqualTo("openai");
        assertThat(String.valueOf(server.getAttribute(endpoint, "EndpointUri"))).doesNotContain(SIM.apiKey());

        Set<ObjectName> pools = server.queryNames(new ObjectName(domain + "type=threadpools,*"), null);
        assertThat(pools).extracting(n -> n.getKeyProperty("name"))
                .anySatisfy(name -> assertThat(name).contains("SoraWorker"))
                .anySatisfy(name -> assertThat(name).contains("SoraJobTimer"));
        ObjectName workers = pools.stream().filter(n -> n.getKeyProperty("name").contains("SoraWorker")).findFirst()
                .orElseThrow();
        assertThat(server.getAttribute(workers, "CorePoolSize")).isEqualTo(4);
    }
}
