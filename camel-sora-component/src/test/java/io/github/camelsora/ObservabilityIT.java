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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraBudgetExceededException;
import io.github.camelsora.api.SoraJobFailedException;
import io.github.camelsora.simulator.Route;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Meters, cost header, budget guard, producer health check and dev console, against the simulator. */
class ObservabilityIT extends CamelTestSupport {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey("sk-sim-observability-it")
            .renderTime(Duration.ofSeconds(1))
            .resetBeforeEach(true)
            .build();

    @TempDir
    static Path output;

    private SimpleMeterRegistry meters;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        meters = new SimpleMeterRegistry();
        context.getRegistry().bind("metricsRegistry", meters);
        context.addComponent("sora", component(null));
        context.addComponent("budgeted", component(1.0));
        // producer health checks are off by default in Camel 4 (camel.health.producersEnabled=true turns them on)
        HealthCheckRegistry health = new DefaultHealthCheckRegistry();
        health.setCamelContext(context);
        HealthCheckRepository producers = (HealthCheckRepository) health.resolveById("producers");
        producers.setEnabled(true);
        health.register(producers);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, health);
        return context;
    }

    private static SoraComponent component(Double maxSpendPerDay) {
        SoraComponent sora = TestSora.component(SIM.baseUrl(), SIM.apiKey(), output, 100, 300);
        sora.setMaxSpendPerDay(maxSpendPerDay);
        return sora;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").routeId("generate").to("sora:generate?model=sora-2&size=1280x720&seconds=4");
                from("direct:wrongKey").routeId("wrongKey").to("sora:generate?apiKey=RAW(sk-wrong-key-4711)");
                from("direct:budgeted").to("budgeted:generate?model=sora-2&size=1280x720&seconds=4");
                from("direct:unpriced").to("budgeted:generate?model=veo-3&size=1280x720&seconds=4");
                from("direct:priced").to("budgeted:generate?model=veo-3&size=1280x720&seconds=4&priceTable=veo-3=0.05");
            }
        };
    }

    @Test
    void countsJobsStatusRequestsBytesAndCost() throws Exception {
        Exchange ok = template.request("direct:generate", e -> e.getMessage().setBody("A paper boat on a river"));
        assertThat(ok.getException()).isNull();
        String videoId = ok.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        File file = ok.getMessage().getBody(File.class);
        assertThat(ok.getMessage().getHeader(SoraConstants.ESTIMATED_COST, BigDecimal.class))
                .isEqualByComparingTo("0.40");

        SIM.simulator().failWhenPromptContains("[moderate]", "moderation_blocked", "Blocked by moderation.");
        Exchange failed = template.request("direct:generate", e -> e.getMessage().setBody("[moderate] a riot"));
        assertThat(failed.getException()).isInstanceOf(SoraJobFailedException.class);

        assertThat(meters.get("camel.sora.jobs.submitted").tag("model", "sora-2").counter().count()).isEqualTo(2);
        assertThat(meters.get("camel.sora.jobs.completed").tag("model", "sora-2").counter().count()).isEqualTo(1);
        assertThat(meters.get("camel.sora.jobs.failed").tags("model", "sora-2", "reason", "moderation_blocked")
                .counter().count()).isEqualTo(1);
        assertThat(meters.get("camel.sora.jobs.render.time").tag("model", "sora-2").timer().count()).isEqualTo(1);
        assertThat(meters.get("camel.sora.status.requests").counter().count())
                .isEqualTo(SIM.simulator().totalStatusReads());
        assertThat(meters.get("camel.sora.download.bytes").summary().totalAmount()).isEqualTo(file.length());
        assertThat(meters.get("camel.sora.cost.estimated").tag("model", "sora-2").counter().count()).isEqualTo(0.8);
        assertThat(meters.get("camel.sora.jobs.in.flight").gauge().value()).isZero();
        // nothing secret or per-job in the meters
        meters.getMeters().forEach(meter -> assertThat(meter.getId().toString())
                .doesNotContain(SIM.apiKey()).doesNotContain(videoId));
    }

    @Test
    void theBudgetRefusesNewJobsButLetsPaidOnesFinish() {
        // 0.40 each against 1.00 a day: two pass, the third is refused before anything is sent
        CompletableFuture<Exchange> first = template.asyncSend("direct:budgeted", e -> e.getMessage().setBody("One"));
        CompletableFuture<Exchange> second = template.asyncSend("direct:budgeted", e -> e.getMessage().setBody("Two"));
        await().atMost(Duration.ofSeconds(10)).until(() -> SIM.simulator().totalCreates() == 2);

        Exchange third = template.request("direct:budgeted", e -> e.getMessage().setBody("Three"));
        assertThat(third.getException()).isInstanceOf(SoraBudgetExceededException.class)
                .hasMessageContaining("Daily budget exceeded").hasMessageContaining("$0.4")
                .hasMessageContaining("$0.8").hasMessageContaining("nothing was submitted");
        SoraBudgetExceededException refused = (SoraBudgetExceededException) third.getException();
        assertThat(refused.getVideoId()).isNull();
        assertThat(refused.getMaxSpendPerDay()).isEqualByComparingTo("1.0");
        assertThat(SIM.simulator().totalCreates()).isEqualTo(2);

        assertThat(List.of(first.join(), second.join())).allSatisfy(done -> {
            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getBody(File.class)).exists();
        });
        assertThat(SIM.simulator().totalCreates()).isEqualTo(2);
    }

    @Test
    void aCreateTheServerRefusedGivesItsShareBack() {
        for (int i = 0; i < 3; i++) {
            // a 400 is a refusal (a 5xx is an unknown outcome: reconciled and retried, see docs/reliability.md)
            SIM.simulator().enqueueError(Route.CREATE, 400, "invalid_request_error", null, "refused", null);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(template.request("direct:budgeted", e -> e.getMessage().setBody("Refused")).getException())
                    .isNotInstanceOf(SoraBudgetExceededException.class).isNotNull();
        }
        Exchange accepted = template.request("direct:budgeted", e -> e.getMessage().setBody("Accepted"));
        assertThat(accepted.getException()).isNull();
    }

    @Test
    void withABudgetAnUnpricedModelIsRefusedUntilItHasAPrice() {
        Exchange unpriced = template.request("direct:unpriced", e -> e.getMessage().setBody("A fox"));
        assertThat(unpriced.getException()).isInstanceOf(SoraBudgetExceededException.class)
                .hasMessageContaining("No price for model veo-3").hasMessageContaining("priceTable");
        assertThat(SIM.simulator().totalCreates()).isZero();

        // with a price the budget lets it through to the server (which, being the simulator, knows no veo-3)
        Exchange priced = template.request("direct:priced", e -> e.getMessage().setBody("A fox"));
        assertThat(priced.getException()).isInstanceOf(SoraApiException.class);
        assertThat(((SoraApiException) priced.getException()).getParam()).isEqualTo("model");
        assertThat(priced.getMessage().getHeader(SoraConstants.ESTIMATED_COST, BigDecimal.class))
                .isEqualByComparingTo("0.20");
    }

    @Test
    void producerHealthCheckIsUpWithAGoodKeyAndDownWithABadOne() {
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        List<HealthCheck.Result> sora = producers.stream()
                .filter(check -> check.getId().startsWith("producer:sora-"))
                .map(HealthCheck::call).toList();
        // one check per producer: the five routes
        assertThat(sora).hasSize(5);
        assertThat(sora).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sora).anySatisfy(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP));
        HealthCheck.Result down = sora.stream().filter(r -> r.getState() == HealthCheck.State.DOWN)
                .findFirst().orElseThrow();
        assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("refused the API key"));
        assertThat(sora).allSatisfy(r -> {
            assertThat(r.getCheck().isReadiness()).isTrue();
            assertThat(r.getCheck().isLiveness()).isFalse();
            assertThat(String.valueOf(r.getDetails()) + r.getMessage().orElse(""))
                    .doesNotContain("sk-wrong-key-4711").doesNotContain(SIM.apiKey());
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void devConsoleListsJobsInFlightWithAgeAndProgress() {
        SIM.simulator().renderTimeWhenPromptContains("[slow]", Duration.ofSeconds(4));
        CompletableFuture<Exchange> slow = template.asyncSend("direct:generate",
                e -> e.getMessage().setBody("[slow] a glacier calving"));
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("sora");
        assertThat(console).isNotNull();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
            List<Map<String, Object>> jobs = (List<Map<String, Object>>) json.get("inFlight");
            assertThat(jobs).hasSize(1);
            assertThat((Integer) jobs.get(0).get("progress")).isGreaterThan(0);
            assertThat(jobs.get(0)).containsEntry("model", "sora-2").containsKey("ageMillis")
                    .containsEntry("status", "in_progress");
        });
        String videoId = SIM.simulator().createdVideoIds().get(0);
        assertThat((String) console.call(DevConsole.MediaType.TEXT)).contains("Jobs in flight: 1").contains(videoId);

        assertThat(slow.join().getException()).isNull();
        assertThat((String) console.call(DevConsole.MediaType.TEXT)).contains("Jobs in flight: 0");
    }
}
