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
package io.github.camelsora.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's signed webhooks, checked by a plain JDK receiver. */
class WebhookDeliveryTest {

    private record Received(String id, String timestamp, String signature, byte[] body) {
        JsonNode json() throws Exception {
            return SimClient.MAPPER.readTree(body);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();
    private HttpServer receiver;
    private final java.util.concurrent.ExecutorService receiverThread = Executors.newSingleThreadExecutor();
    private SoraSimulator sim;
    private SimClient client;
    private String secret;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body));
            int status = failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.setExecutor(receiverThread);
        receiver.start();
        secret = SoraSimulator.newWebhookSecret();
        sim = SoraSimulator.builder()
                .renderTime(Duration.ofMillis(200))
                .webhook("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", secret)
                .webhookRetry(Duration.ofMillis(100), 3)
                .start();
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.stop(0);
        receiverThread.shutdownNow();
    }

    @Test
    void sendsOneSignedEventPerFinishedJob() throws Exception {
        sim.failWhenPromptContains("[blocked]", "moderation_blocked", "Blocked.");
        String done = client.create("A calm sea");
        String failed = client.create("A [blocked] sea");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);

        List<String> types = new ArrayList<>();
        for (Received event : received) {
            assertThat(event.signature()).isEqualTo(expectedSignature(event));
            assertThat(Long.parseLong(event.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(30L));
            JsonNode json = event.json();
            assertThat(json.get("object").asText()).isEqualTo("event");
            assertThat(json.get("id").asText()).startsWith("evt_");
            types.add(json.get("type").asText() + " " + json.get("data").get("id").asText());
        }
        assertThat(types).containsExactlyInAnyOrder("video.completed " + done, "video.failed " + failed);
        assertThat(sim.webhookEvents()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.webhooksDelivered() == 2);
    }

    @Test
    void retriesWithBackoffOnANon2xxAnswerThenGivesUp() {
        failuresToAnswer.set(1);
        client.create("Retried");
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.webhooksDelivered() == 1);
        assertThat(received).hasSize(2);
        assertThat(received.get(0).id()).isEqualTo(received.get(1).id());
        assertThat(sim.webhookAttempts()).isEqualTo(2);

        failuresToAnswer.set(100);
        client.create("Never accepted");
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.webhooksAbandoned() == 1);
        assertThat(sim.webhookAttempts()).isEqualTo(5);
    }

    @Test
    void deliversDuplicatesAndOutOfOrderOnRequest() throws Exception {
        sim.setWebhookCopies(2);
        sim.holdWebhooks();
        // one after the other, so the held events are in a known order whatever the machine's load
        String first = client.create("First");
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.webhookEvents() == 1);
        String second = client.create("Second");
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.webhookEvents() == 2);
        assertThat(received).isEmpty();

        sim.releaseWebhooks(true);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 4);
        List<String> order = new ArrayList<>();
        for (Received event : received) {
            order.add(event.json().get("data").get("id").asText());
        }
        assertThat(order).containsExactly(second, second, first, first);
        assertThat(received.get(0).id()).isEqualTo(received.get(1).id()).isNotEqualTo(received.get(2).id());
    }

    @Test
    void aFixedPoolSendsEveryEvent() {
        for (int i = 0; i < 30; i++) {
            client.create("Job " + i);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 30);
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("sora-sim-webhook-"))
                .hasSize(2);
    }

    @Test
    void rejectsBadSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> SoraSimulator.builder().webhook("ftp://x", "s"));
        assertThatIllegalArgumentException().isThrownBy(() -> sim.setWebhookCopies(0));
        assertThatIllegalArgumentException().isThrownBy(() -> sim.setWebhookRetry(Duration.ZERO, 1));
    }

    private String expectedSignature(Received event) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((event.id() + "." + event.timestamp() + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(event.body()));
    }
}
