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
package io.github.camelsora.marketplace;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.SoraSimulator;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelsora.Mp4AssertionsAccess.assertPlayableMp4;
import static org.assertj.core.api.Assertions.assertThat;

/** provider=fal through YAML routes on the simulator's fal dialect, and fal's signed callbacks into sora:webhook. */
class FalMarketplaceIT extends MarketplaceRoutes {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .dialect(Dialect.FAL).apiKey("fal-key-sim").renderTime(Duration.ofMillis(1500))
            .recordExchanges(true).resetBeforeEach(true).build();

    @TempDir
    static Path output;

    @Override
    SoraSimulator sim() {
        return SIM.simulator();
    }

    @Override
    String provider() {
        return "fal";
    }

    @Override
    String model() {
        return "fal-ai/kling-video/v2.1/standard/text-to-video";
    }

    @Override
    Path output() {
        return output;
    }

    @Override
    String webhookParameters() {
        return "        webhookJwksUrl: \"" + SIM.simulator().jwksUrl() + "\"\n";
    }

    @Test
    void whatFalHasNoFieldForIsRefusedBeforeAnythingIsSent() {
        Exchange characters = template.request("direct:poll", e -> {
            e.getMessage().setBody("A kite with a cameo");
            e.getMessage().setHeader(io.github.camelsora.SoraConstants.CHARACTERS, "char_123");
        });
        assertThat(characters.getException()).isInstanceOf(io.github.camelsora.api.SoraValidationException.class)
                .hasMessageContaining("characters").hasMessageContaining("fal");
        Exchange duration = template.request("direct:poll", e -> {
            e.getMessage().setBody("A kite, longer than priced");
            e.getMessage().setHeader(io.github.camelsora.SoraConstants.PROVIDER_OPTIONS, "{\"duration\":\"10\"}");
        });
        assertThat(duration.getException()).isInstanceOf(io.github.camelsora.api.SoraValidationException.class)
                .hasMessageContaining("providerOptions.duration").hasMessageContaining("seconds");
        assertThat(SIM.simulator().totalRequests()).isZero();
    }

    @Test
    void generatesWithCompletionPoll() throws Exception {
        Exchange result = generate("direct:poll", "A kite over dunes, fal");

        assertThat(result.getException()).isNull();
        assertPlayableMp4(file(result), 1280, 720, 4);
        String id = videoId(result);
        assertThat(id).startsWith("fal-ai/kling-video/requests/");
        // the queue got the model's input with the neutral options mapped, and the key as fal wants it
        var create = SIM.simulator().recordedExchanges().get(0);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo("/fal-ai/kling-video/v2.1/standard/text-to-video");
        assertThat(new String(create.requestBody())).contains("\"prompt\":\"A kite over dunes, fal\"",
                "\"duration\":\"4\"", "\"aspect_ratio\":\"16:9\"", "\"resolution\":\"720p\"");
        assertThat(create.requestHeaders()).containsEntry("authorization", "<redacted>");
        // the video came from the media host without the key
        assertThat(SIM.simulator().recordedExchanges()).filteredOn(e -> e.path().startsWith("/media/"))
                .singleElement().satisfies(e -> assertThat(e.requestHeaders()).doesNotContainKey("authorization"));
    }

    @Test
    void generatesWithCompletionWebhook() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(0);
        long start = System.nanoTime();

        Exchange result = generate("direct:webhook", "A lighthouse at dusk, fal webhook");

        assertThat(result.getException()).isNull();
        assertPlayableMp4(file(result), 1280, 720, 4);
        // the signed callback ended the wait long before the 60 s safety poll
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(SIM.simulator().callbacksDelivered()).isEqualTo(1);
        assertThat(SIM.simulator().counters(backendId(videoId(result))).statusReads()).isLessThanOrEqualTo(2);
        var create = SIM.simulator().recordedExchanges().get(0);
        assertThat(create.query()).contains("fal_webhook=");
        events.assertIsSatisfied();
    }

    @Test
    void everyForgeryIsRejectedBeforeTheRoute() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(0);
        String requestId = "3f1c2a5e-0000-4000-8000-000000000001";
        String body = "{\"request_id\":\"" + requestId + "\",\"gateway_request_id\":\"" + requestId
                      + "\",\"status\":\"OK\",\"payload\":{\"video\":{\"url\":\"https://evil.example/a.mp4\"}}}";
        long now = Instant.now().getEpochSecond();
        SoraSimulator sim = SIM.simulator();

        // another key
        Map<String, String> wrongKey = foreignSignature(requestId, now, body);
        assertThat(post(body, wrongKey)).isEqualTo(400);
        // altered body
        Map<String, String> valid = sim.signCallback(requestId, bytes(body), null, now);
        assertThat(post(body.replace("evil", "evil2"), valid)).isEqualTo(400);
        // a signed request id that is not the payload's
        Map<String, String> otherId = sim.signCallback("another-request", bytes(body), null, now);
        assertThat(post(body, otherId)).isEqualTo(400);
        // stale and future, correctly signed
        assertThat(post(body, sim.signCallback(requestId, bytes(body), null, now - 310))).isEqualTo(400);
        assertThat(post(body, sim.signCallback(requestId, bytes(body), null, now + 310))).isEqualTo(400);
        // each header missing
        for (String name : valid.keySet()) {
            Map<String, String> missing = new HashMap<>(valid);
            missing.remove(name);
            assertThat(post(body, missing)).as(name).isEqualTo(400);
        }
        // no signature at all: fal always signs, so this is a forgery, not a nudge
        assertThat(post(body, Map.of())).isEqualTo(400);
        // oversize, correctly signed
        String big = body.replace("}}}", "}},\"pad\":\"" + "x".repeat(5000) + "\"}");
        assertThat(post(big, sim.signCallback(requestId, bytes(big), null, now))).isEqualTo(413);

        events.assertIsSatisfied();
    }

    @Test
    void aGenuineCallbackReachesTheRouteOnceAndItsReplayNever() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        // a job submitted elsewhere (not by an exchange here), then its signed callback
        String requestId = submitDirectly("A red bicycle, submitted elsewhere");
        awaitCompleted("/fal-ai/kling-video/requests/" + requestId + "/status");
        String body = "{\"request_id\":\"" + requestId + "\",\"gateway_request_id\":\"" + requestId
                      + "\",\"status\":\"OK\",\"payload\":{\"video\":{\"url\":\"https://v3.fal.media/x.mp4\"}}}";
        Map<String, String> headers = SIM.simulator().signCallback(requestId, bytes(body), null,
                Instant.now().getEpochSecond());
        String url = HOOK + "?sora_job_prefix=" + java.net.URLEncoder.encode("fal-ai/kling-video/requests/",
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(post(url, body, headers)).isEqualTo(200);
        events.assertIsSatisfied();
        Exchange event = events.getExchanges().get(0);
        // the route got the job as fal describes it, read with the key, and its video: not the callback's URL
        assertThat(event.getMessage().getHeader("CamelSoraVideoId")).isEqualTo("fal-ai/kling-video/requests/"
                                                                               + requestId);
        assertPlayableMp4(event.getMessage().getBody(java.io.File.class), 1280, 720, 4);

        // the same signed delivery again (a replay, or fal's retry): answered, nothing runs
        assertThat(post(url, body, headers)).isEqualTo(200);
        events.assertIsSatisfied();
    }

    private String submitDirectly(String prompt) throws Exception {
        java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(SIM.baseUrl() + "/" + model())).header("Authorization", "Key " + SIM.apiKey())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"prompt\":\"" + prompt
                                                                      + "\",\"duration\":\"4\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("request_id").asText();
    }

    private void awaitCompleted(String statusPath) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(SIM.baseUrl()
                                                                                             + statusPath))
                                .header("Authorization", "Key " + SIM.apiKey()).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body().contains("COMPLETED"));
    }

    private static Map<String, String> foreignSignature(String requestId, long now, String body) throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String message = requestId + "\nsim-user\n" + now + "\n"
                         + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(body)));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(bytes(message));
        return Map.of("X-Fal-Webhook-Request-Id", requestId, "X-Fal-Webhook-User-Id", "sim-user",
                "X-Fal-Webhook-Timestamp", Long.toString(now), "X-Fal-Webhook-Signature",
                HexFormat.of().formatHex(signer.sign()));
    }
}
