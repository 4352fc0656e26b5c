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
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.github.camelsora.SoraConstants;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.SoraSimulator;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import io.github.camelsora.webhook.WebhookVerifier;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelsora.Mp4AssertionsAccess.assertPlayableMp4;
import static org.assertj.core.api.Assertions.assertThat;

/** provider=replicate through YAML routes on the simulator's Replicate dialect; Standard Webhooks callbacks. */
class ReplicateMarketplaceIT extends MarketplaceRoutes {

    private static final String SECRET = SoraSimulator.newWebhookSecret();

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .dialect(Dialect.REPLICATE).apiKey("r8_sim_token").callbackSecret(SECRET)
            .renderTime(Duration.ofMillis(1500)).recordExchanges(true).resetBeforeEach(true).build();

    @TempDir
    static Path output;

    @Override
    SoraSimulator sim() {
        return SIM.simulator();
    }

    @Override
    String provider() {
        return "replicate";
    }

    @Override
    String model() {
        return "kwaivgi/kling-v2.1";
    }

    @Override
    Path output() {
        return output;
    }

    @Override
    String webhookParameters() {
        return "        webhookSecret: \"" + SECRET + "\"\n";
    }

    @Test
    void generatesWithCompletionPollByModelAndByVersion() throws Exception {
        Exchange result = generate("direct:poll", "A kite over dunes, replicate");

        assertThat(result.getException()).isNull();
        assertPlayableMp4(file(result), 1280, 720, 4);
        var create = SIM.simulator().recordedExchanges().get(0);
        assertThat(create.path()).isEqualTo("/v1/models/kwaivgi/kling-v2.1/predictions");
        assertThat(create.requestHeaders()).doesNotContainKey("prefer");
        assertThat(new String(create.requestBody())).contains("\"input\":{\"prompt\":\"A kite over dunes, replicate\"",
                "\"duration\":4", "\"aspect_ratio\":\"16:9\"").doesNotContain("webhook");

        String version = "kwaivgi/kling-v2.1:" + "a".repeat(64);
        Exchange byVersion = template.request("direct:poll", e -> {
            e.getMessage().setBody("The same kite, by version");
            e.getMessage().setHeader(SoraConstants.MODEL, version);
        });
        assertThat(byVersion.getException()).isNull();
        assertPlayableMp4(file(byVersion), 1280, 720, 4);
        assertThat(SIM.simulator().recordedExchanges()).filteredOn(e -> e.method().equals("POST"))
                .last().satisfies(e -> {
                    assertThat(e.path()).isEqualTo("/v1/predictions");
                    assertThat(new String(e.requestBody())).contains("\"version\":\"" + "a".repeat(64) + "\"");
                });
    }

    @Test
    void generatesWithCompletionWebhook() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(0);
        long start = System.nanoTime();

        Exchange result = generate("direct:webhook", "A lighthouse at dusk, replicate webhook");

        assertThat(result.getException()).isNull();
        assertPlayableMp4(file(result), 1280, 720, 4);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(SIM.simulator().callbacksDelivered()).isEqualTo(1);
        assertThat(SIM.simulator().counters(videoId(result)).statusReads()).isLessThanOrEqualTo(2);
        var create = SIM.simulator().recordedExchanges().get(0);
        assertThat(new String(create.requestBody())).contains("\"webhook\":\"" + HOOK + "\"",
                "\"webhook_events_filter\":[\"completed\"]");
        events.assertIsSatisfied();
    }

    @Test
    void everyForgeryIsRejectedBeforeTheRouteAndAReplayRunsNothing() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        Exchange done = generate("direct:poll", "A finished prediction");
        String id = videoId(done);
        // a prediction the route has not seen: its callbacks are what the route is for
        String body = "{\"id\":\"" + id + "\",\"status\":\"succeeded\",\"output\":\"https://replicate.delivery/x.mp4\"}";
        long now = Instant.now().getEpochSecond();
        SoraSimulator sim = SIM.simulator();
        Map<String, String> valid = sim.signCallback(id, bytes(body), "msg_replicate_1", now);
        events.expectedMessageCount(0);

        WebhookVerifier other = new WebhookVerifier(SoraSimulator.newWebhookSecret());
        Map<String, String> wrongKey = new HashMap<>(valid);
        wrongKey.put("webhook-signature", other.sign("msg_replicate_1", now, bytes(body)));
        assertThat(post(body, wrongKey)).isEqualTo(400);
        assertThat(post(body.replace("x.mp4", "y.mp4"), valid)).isEqualTo(400);
        assertThat(post(body, sim.signCallback(id, bytes(body), "msg_replicate_1", now - 310))).isEqualTo(400);
        assertThat(post(body, sim.signCallback(id, bytes(body), "msg_replicate_1", now + 310))).isEqualTo(400);
        for (String name : valid.keySet()) {
            Map<String, String> missing = new HashMap<>(valid);
            missing.remove(name);
            assertThat(post(body, missing)).as(name).isEqualTo(400);
        }
        assertThat(post(body, Map.of())).isEqualTo(400);
        String big = body.replace("}", ",\"logs\":\"" + "x".repeat(5000) + "\"}");
        assertThat(post(big, sim.signCallback(id, bytes(big), "msg_replicate_2", now))).isEqualTo(413);
        events.assertIsSatisfied();

        // the genuine delivery of a job this node already delivered: nothing runs; and its replay neither
        assertThat(post(body, valid)).isEqualTo(200);
        assertThat(post(body, valid)).isEqualTo(200);
        events.assertIsSatisfied();
    }
}
