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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import io.github.camelsora.webhook.OpenRouterWebhookVerifier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sora:webhook with provider=openrouter verifies OpenRouter's {@code X-OpenRouter-Signature: t=..,v1=..} (HMAC-SHA256
 * over {@code "<t>,<raw body>"}, 300 s window, deliveries told apart by {@code X-OpenRouter-Idempotency-Key}), and a
 * generate with completion=webhook is completed by the simulator's OpenRouter-signed events.
 */
class OpenRouterWebhookIT extends CamelTestSupport {

    private static final String SECRET = "or-whsec-test-0123456789";
    private static final int PORT = AvailablePortFinder.getNextAvailable();
    private static final String HOOK = "http://127.0.0.1:" + PORT + "/hooks/openrouter";

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .dialect(Dialect.OPENROUTER)
            .renderTime(Duration.ofMillis(800))
            .webhook(HOOK, SECRET)
            .build();

    @TempDir
    static Path output;

    private final HttpClient http = HttpClient.newHttpClient();
    private final OpenRouterWebhookVerifier signer = new OpenRouterWebhookVerifier(SECRET, Duration.ofMinutes(5),
            java.time.Clock.systemUTC());

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(PORT);
        context.addService(new VertxPlatformHttpServer(server));
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setProvider("openrouter");
        sora.getConfiguration().setBaseUrl(SIM.baseUrl());
        sora.getConfiguration().setApiKey(SIM.apiKey());
        sora.getConfiguration().setWebhookSecret(SECRET);
        sora.getConfiguration().setModel("google/veo-3.1");
        sora.getConfiguration().setSize("1280x720");
        sora.getConfiguration().setOutputDirectory(output.toString());
        context.addComponent("sora", sora);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sora:webhook?webhookPath=/hooks/openrouter&fetchVideo=false&webhookMaxPayloadSize=4096").routeId("events")
                        .to("mock:events");
                from("direct:generate").to("sora:generate?completion=webhook&safetyPollDelay=60s");
            }
        };
    }

    @Test
    void aGenerateIsCompletedByTheSignedEventAndTheEventIsNotDeliveredTwice() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(0);
        int reads = SIM.simulator().totalStatusReads();

        Exchange result = template.request("direct:generate", e -> e.getMessage().setBody("A signed lighthouse"));

        assertThat(result.getException()).isNull();
        Mp4Assertions.assertPlayableMp4(result.getMessage().getBody(File.class), 1280, 720, 4);
        // the safety poll is a minute away: only the event's re-read can have completed the wait this soon
        assertThat(SIM.simulator().totalStatusReads() - reads).isLessThanOrEqualTo(1);
        assertThat(SIM.simulator().webhooksDelivered()).isGreaterThanOrEqualTo(1);
        events.assertIsSatisfied(300);
    }

    @Test
    void forgedStaleAndRepeatedEventsAreRefusedOrAnsweredOnce() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);
        String body = "{\"type\":\"video.generation.completed\",\"created_at\":\"2026-11-29T10:00:00Z\","
                      + "\"data\":{\"id\":\"job-untracked\",\"status\":\"completed\"}}";
        long now = Instant.now().getEpochSecond();

        assertThat(post(body, "t=" + now + ",v1=" + "00".repeat(32), "k1")).as("forged").isEqualTo(400);
        assertThat(post(body, signer.sign(now - 3600, bytes(body)), "k1")).as("an hour old").isEqualTo(400);
        assertThat(post(body, "v1=abc", "k1")).as("no timestamp").isEqualTo(400);
        assertThat(post(body + " ", signer.sign(now, bytes(body)), "k1")).as("body changed").isEqualTo(400);
        OpenRouterWebhookVerifier otherKey = new OpenRouterWebhookVerifier("another-secret", Duration.ofMinutes(5),
                java.time.Clock.systemUTC());
        assertThat(post(body, otherKey.sign(now, bytes(body)), "k1")).as("signed with another key").isEqualTo(400);
        assertThat(post(body, signer.sign(now + 3600, bytes(body)), "k1")).as("an hour ahead").isEqualTo(400);
        assertThat(post(body, null, "k1")).as("no signature header").isEqualTo(400);
        String oversize = body.replace("}}", "},\"pad\":\"" + "x".repeat(5000) + "\"}");
        assertThat(post(oversize, signer.sign(now, bytes(oversize)), "k2")).as("over webhookMaxPayloadSize")
                .isEqualTo(413);
        assertThat(post(body, signer.sign(now, bytes(body)), "k1")).isEqualTo(200);
        assertThat(post(body, signer.sign(now, bytes(body)), "k1")).as("the same delivery again").isEqualTo(200);
        // without an idempotency key the signed body is the key: one more delivery, then a replay of it
        assertThat(post(body, signer.sign(now, bytes(body)), null)).isEqualTo(200);
        assertThat(post(body, signer.sign(now, bytes(body)), null)).as("replayed without a key").isEqualTo(200);

        events.assertIsSatisfied();
        Exchange event = events.getExchanges().get(0);
        assertThat(event.getMessage().getHeader(SoraConstants.VIDEO_ID)).isEqualTo("job-untracked");
        assertThat(event.getMessage().getHeader(SoraConstants.STATUS)).isEqualTo("completed");
        assertThat(event.getMessage().getHeader(SoraConstants.EVENT_TYPE)).isEqualTo("video.generation.completed");
    }

    private int post(String body, String signature, String idempotencyKey) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(HOOK))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> true);
        if (signature != null) {
            builder.header(OpenRouterWebhookVerifier.SIGNATURE_HEADER, signature);
        }
        if (idempotencyKey != null) {
            builder.header(OpenRouterWebhookVerifier.IDEMPOTENCY_HEADER, idempotencyKey);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
