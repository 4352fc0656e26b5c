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
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelsora.api.SoraException;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.Route;
import io.github.camelsora.simulator.SoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover without paying twice: Camel's failover load balancer across two providers (CometAPI, then OpenRouter),
 * through {@link SoraFailoverLoadBalancer}, moves on only when the first provably created nothing (its quota
 * exhausted, the request refused, the server unreachable), never after a create that may have happened or a job
 * that exists.
 */
class FailoverIT {

    @TempDir
    static Path output;

    static SoraSimulator comet;
    static SoraSimulator openrouter;

    @BeforeAll
    static void start() {
        comet = SoraSimulator.builder().dialect(Dialect.COMETAPI).renderTime(Duration.ofMillis(300)).start();
        openrouter = SoraSimulator.builder().dialect(Dialect.OPENROUTER).renderTime(Duration.ofMillis(300)).start();
    }

    @AfterAll
    static void stop() {
        comet.close();
        openrouter.close();
    }

    @BeforeEach
    void reset() {
        comet.reset();
        openrouter.reset();
    }

    private static CamelContext context(String firstBaseUrl) throws Exception {
        CamelContext context = new DefaultCamelContext();
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setApiKey(comet.apiKey());
        sora.getConfiguration().setOutputDirectory(output.toString());
        sora.getConfiguration().setPollDelay(100);
        sora.getConfiguration().setMaxPollDelay(200);
        sora.getConfiguration().setMaxRetries(0);
        context.addComponent("sora", sora);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video")
                        .loadBalance(new SoraFailoverLoadBalancer())
                            .to("sora:generate?provider=cometapi&model=veo3.1-fast&size=1280x720"
                                + "&allowInternalProviderUrls=true&baseUrl=" + firstBaseUrl)
                            .to("sora:generate?provider=openrouter&model=google/veo-3.1&size=1280x720&baseUrl="
                                + openrouter.baseUrl())
                        .end();
            }
        });
        context.start();
        return context;
    }

    private static Exchange send(CamelContext context, String prompt) {
        return context.createProducerTemplate().request("direct:video", e -> e.getMessage().setBody(prompt));
    }

    @Test
    void theFirstProviderDeliversWhenItCan() throws Exception {
        try (CamelContext context = context(comet.baseUrl())) {
            Exchange result = send(context, "A plain clip");
            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class)).startsWith("task_");
        }
        assertThat(comet.totalCreates()).isEqualTo(1);
        assertThat(openrouter.totalCreates()).isZero();
    }

    @Test
    void anExhaustedQuotaMovesOnToTheNextProvider() throws Exception {
        comet.enqueueError(Route.CREATE, 429, "insufficient_quota", "insufficient_quota", "You exceeded your quota",
                null);
        try (CamelContext context = context(comet.baseUrl())) {
            Exchange result = send(context, "A clip CometAPI cannot pay for");
            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getBody(File.class)).exists();
            assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class)).startsWith("job-");
        }
        assertThat(comet.totalCreates()).isZero();
        assertThat(openrouter.totalCreates()).isEqualTo(1);
    }

    @Test
    void anUnreachableProviderMovesOnToTheNext() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (CamelContext context = context("http://127.0.0.1:" + closedPort + "/v1")) {
            Exchange result = send(context, "A clip for whoever answers");
            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class)).startsWith("job-");
        }
        assertThat(openrouter.totalCreates()).isEqualTo(1);
    }

    @Test
    void theYamlFormWithACustomLoadBalancerBeanFailsOverAlike() throws Exception {
        comet.enqueueError(Route.CREATE, 429, "insufficient_quota", "insufficient_quota", "You exceeded your quota",
                null);
        String yaml = """
                - route:
                    from:
                      uri: direct:yaml
                      steps:
                        - loadBalance:
                            customLoadBalancer:
                              ref: soraFailover
                            steps:
                              - to: "sora:generate?provider=cometapi&model=veo3.1-fast&size=1280x720&baseUrl=%s"
                              - to: "sora:generate?provider=openrouter&model=google/veo-3.1&size=1280x720&baseUrl=%s"
                """.formatted(comet.baseUrl(), openrouter.baseUrl());
        try (CamelContext context = context(comet.baseUrl())) {
            context.getRegistry().bind("soraFailover", new SoraFailoverLoadBalancer());
            org.apache.camel.support.PluginHelper.getRoutesLoader(context).loadRoutes(
                    org.apache.camel.support.ResourceHelper.fromString("failover.yaml", yaml));
            Exchange result = context.createProducerTemplate().request("direct:yaml",
                    e -> e.getMessage().setBody("A YAML clip CometAPI cannot pay for"));
            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class)).startsWith("job-");
        }
        assertThat(comet.totalCreates()).isZero();
        assertThat(openrouter.totalCreates()).isEqualTo(1);
    }

    @Test
    void aCreateThatMayHaveHappenedIsNeverSentElsewhere() throws Exception {
        // the job is created, the answer lost: CometAPI cannot list its jobs, so the outcome stays unknown
        comet.dropConnection(Route.CREATE, true);
        try (CamelContext context = context(comet.baseUrl())) {
            Exchange result = send(context, "A clip whose create answer was lost");
            assertThat(result.getException()).isInstanceOfSatisfying(SoraException.class,
                    e -> assertThat(e.getJobExistence()).isEqualTo(SoraException.JobExistence.UNKNOWN));
        }
        assertThat(comet.totalCreates()).isEqualTo(1);
        assertThat(openrouter.totalCreates()).as("no second job paid elsewhere").isZero();
    }

    @Test
    void aJobThatFailedOnTheServerIsNotRenderedAgainElsewhere() throws Exception {
        comet.failWhenPromptContains("[blocked]", "moderation_blocked", "Blocked by moderation");
        try (CamelContext context = context(comet.baseUrl())) {
            Exchange result = send(context, "A clip [blocked]");
            assertThat(result.getException()).isInstanceOfSatisfying(SoraException.class,
                    e -> assertThat(e.getJobExistence()).isEqualTo(SoraException.JobExistence.CREATED));
        }
        assertThat(openrouter.totalCreates()).isZero();
    }
}
