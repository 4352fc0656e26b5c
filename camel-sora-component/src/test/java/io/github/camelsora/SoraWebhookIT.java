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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelsora.api.ClientSettings;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoRequest;
import io.github.camelsora.api.VideosClient;
import io.github.camelsora.simulator.SoraSimulator;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import io.github.camelsora.webhook.WebhookVerifier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * sora:webhook on platform-http (its Vert.x engine), fed by hand-made requests and by the simulator's signed
 * webhooks; and sora:generate completed by those webhooks with no status request.
 */
class SoraWebhookIT extends CamelTestSupport {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey("sk-sim-webhook-it")
            .renderTime(Duration.ofMillis(1500))
            .resetBeforeEach(true)
            .build();

    private static final String SECRET = SoraSimulator.newWebhookSecret();
    private static final int PORT = AvailablePortFinder.getNextAvailable();
    private static final String HOOK = "http://127.0.0.1:" + PORT + "/hooks/sora";
    private static final String RAW_HOOK = "http://127.0.0.1:" + PORT + "/hooks/raw";
    private static final int MAX_PAYLOAD = 2048;

    @TempDir
    static Path output;

    private final HttpClient http = HttpClient.newHttpClient();
    private final WebhookVerifier signer = new WebhookVerifier(SECRET);
    private VideosClient videos;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setUseMDCLogging(true);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(PORT);
        context.addService(new VertxPlatformHttpServer(server));
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setBaseUrl(SIM.baseUrl());
        sora.getConfiguration().setApiKey(SIM.apiKey());
        sora.getConfiguration().setWebhookSecret(SECRET);
        sora.getConfiguration().setOutputDirectory(output.toString());
        sora.getConfiguration().setPollDelay(200);
        context.addComponent("sora", sora);
        videos = new VideosClient(ClientSettings.bearer(SIM.baseUrl(), SIM.apiKey()));
        return context;
    }

    @AfterEach
    void closeClient() {
        videos.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sora:webhook?webhookPath=/hooks/sora").routeId("events").to("mock:events");
                from("sora:webhook?webhookPath=/hooks/raw&fetchVideo=false&webhookMaxPayloadSize=" + MAX_PAYLOAD)
                        .routeId("raw").to("mock:raw");
                from("direct:generate").to("sora:generate?completion=webhook&safetyPollDelay=60s");
                from("direct:generateWithQuickSafetyPoll").to("sora:generate?completion=webhook&safetyPollDelay=300ms");
                from("direct:generatePolling").to("sora:generate?completion=poll&pollDelay=60s&timeout=5s");
            }
        };
    }

    @Test
    void untrustedRequestsAreRejectedAndNeverReachTheRoute() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        MockEndpoint raw = getMockEndpoint("mock:raw");
        events.expectedMessageCount(0);
        raw.expectedMessageCount(0);
        String body = event("evt_1", "video.completed", "video_1");
        long now = Instant.now().getEpochSecond();
        String valid = signer.sign("msg_1", now, bytes(body));

        for (String hook : List.of(HOOK, RAW_HOOK)) {
            // forged
            assertThat(post(hook, body, headers("msg_1", now, "v1," + Base64.getEncoder().encodeToString(new byte[32]))))
                    .isEqualTo(400);
            // signed with another secret
            WebhookVerifier other = new WebhookVerifier(SoraSimulator.newWebhookSecret());
            assertThat(post(hook, body, headers("msg_1", now, other.sign("msg_1", now, bytes(body))))).isEqualTo(400);
            // tampered body
            assertThat(post(hook, body.replace("video_1", "video_2"), headers("msg_1", now, valid))).isEqualTo(400);
            // stale and future timestamps, correctly signed
            long stale = now - 310;
            long future = now + 310;
            assertThat(post(hook, body, headers("msg_1", stale, signer.sign("msg_1", stale, bytes(body)))))
                    .isEqualTo(400);
            assertThat(post(hook, body, headers("msg_1", future, signer.sign("msg_1", future, bytes(body)))))
                    .isEqualTo(400);
            // each header missing
            assertThat(post(hook, body, Map.of("webhook-timestamp", "" + now, "webhook-signature", valid)))
                    .isEqualTo(400);
            assertThat(post(hook, body, Map.of("webhook-id", "msg_1", "webhook-signature", valid))).isEqualTo(400);
            assertThat(post(hook, body, Map.of("webhook-id", "msg_1", "webhook-timestamp", "" + now))).isEqualTo(400);
            // signed, but not an event
            assertThat(post(hook, "[]", headers("msg_1", now, signer.sign("msg_1", now, bytes("[]"))))).isEqualTo(400);
        }
        // oversized, even when correctly signed
        String big = body.replace("}}", "},\"padding\":\"" + "x".repeat(MAX_PAYLOAD) + "\"}");
        assertThat(post(RAW_HOOK, big, headers("msg_big", now, signer.sign("msg_big", now, bytes(big)))))
                .isEqualTo(413);

        events.assertIsSatisfied();
        raw.assertIsSatisfied();
        assertThat(SIM.simulator().totalStatusReads()).isZero();
    }

    @Test
    void whatIsLoggedForARequestCarriesItsMdcOnTheWorkerThatWritesIt() throws Exception {
        List<LogEvent> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        AbstractAppender appender = new AbstractAppender("webhook-mdc", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.toImmutable());
            }
        };
        appender.start();
        Logger logger = (Logger) LogManager.getLogger("io.github.camelsora");
        logger.addAppender(appender);
        try {
            String body = event("evt_mdc", "video.completed", "video_1");
            long now = Instant.now().getEpochSecond();
            assertThat(post(RAW_HOOK, body.replace("video_1", "video_2"),
                    headers("msg_mdc", now, signer.sign("msg_mdc", now, bytes(body))))).isEqualTo(400);
            LogEvent rejected = await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream()
                    .filter(e -> e.getMessage().getFormattedMessage().startsWith("Rejected a webhook request"))
                    .findFirst().orElse(null), java.util.Objects::nonNull);
            assertThat(rejected.getThreadName()).contains("SoraWorker");
            assertThat(rejected.getContextData().toMap())
                    .containsKey("camel.exchangeId")
                    .containsEntry("camel.contextId", context.getName());
        } finally {
            logger.removeAppender(appender);
        }
    }

    @Test
    void aReplayedWebhookIdRunsTheRouteOnceOnAFreshExchange() throws Exception {
        MockEndpoint raw = getMockEndpoint("mock:raw");
        raw.expectedMessageCount(1);
        String body = event("evt_42", "video.failed", "video_42");
        Map<String, String> first = new java.util.HashMap<>(headers("msg_42", Instant.now().getEpochSecond(), null));
        first.put("webhook-signature", signer.sign("msg_42", Long.parseLong(first.get("webhook-timestamp")), bytes(body)));
        // inbound headers that must not become Camel headers of the route's exchange
        first.put("CamelFileName", "/etc/passwd");
        first.put("CamelSoraVideoId", "video_forged");

        assertThat(post(RAW_HOOK, body, first)).isEqualTo(200);
        long later = Instant.now().getEpochSecond();
        assertThat(post(RAW_HOOK, body, headers("msg_42", later, signer.sign("msg_42", later, bytes(body)))))
                .isEqualTo(200);

        raw.assertIsSatisfied();
        Exchange received = raw.getReceivedExchanges().get(0);
        assertThat(received.getMessage().getBody(String.class)).isEqualTo(body);
        assertThat(received.getMessage().getHeaders())
                .containsEntry(SoraConstants.EVENT_TYPE, "video.failed")
                .containsEntry(SoraConstants.EVENT_ID, "evt_42")
                .containsEntry(SoraConstants.WEBHOOK_ID, "msg_42")
                .containsEntry(SoraConstants.VIDEO_ID, "video_42")
                .containsEntry(SoraConstants.STATUS, "failed")
                .doesNotContainKeys(Exchange.FILE_NAME, "webhook-signature", "webhook-id", Exchange.HTTP_URI,
                        Exchange.HTTP_METHOD);
    }

    @Test
    void simulatorEventsReachTheRouteWithTheFetchedJob() throws Exception {
        SIM.simulator().setWebhook(HOOK, SECRET);
        SIM.simulator().failWhenPromptContains("[blocked]", "moderation_blocked", "Blocked by moderation.");
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);

        String done = create("A paper boat on a pond");
        String failed = create("A [blocked] scene");

        events.assertIsSatisfied(15_000);
        Map<String, Exchange> byId = new java.util.HashMap<>();
        events.getReceivedExchanges().forEach(e -> byId.put(e.getMessage().getHeader(SoraConstants.VIDEO_ID,
                String.class), e));
        Exchange completed = byId.get(done);
        assertThat(completed.getMessage().getBody(Video.class).status()).isEqualTo("completed");
        assertThat(completed.getMessage().getHeaders())
                .containsEntry(SoraConstants.EVENT_TYPE, "video.completed")
                .containsEntry(SoraConstants.STATUS, "completed")
                .containsKey(SoraConstants.WEBHOOK_ID);
        Video failure = byId.get(failed).getMessage().getBody(Video.class);
        assertThat(failure.status()).isEqualTo("failed");
        assertThat(failure.error().code()).isEqualTo("moderation_blocked");
        // the route runs before the answer goes back to the sender
        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.simulator().webhooksDelivered() == 2);
    }

    @Test
    void generateCompletesFromTheWebhookWithZeroStatusRequests() throws Exception {
        SIM.simulator().setWebhook(HOOK, SECRET);
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(0);

        Exchange result = template.request("direct:generate", e -> e.getMessage().setBody("A kite over dunes"));

        assertThat(result.getException()).isNull();
        String videoId = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        Mp4Assertions.assertPlayableMp4(result.getMessage().getBody(File.class), 720, 1280, 4);
        // the event only asked for one read of the real job: its headers are the job's, not invented
        assertThat(SIM.simulator().counters(videoId).statusReads()).isEqualTo(1);
        assertThat(SIM.simulator().totalStatusReads()).isEqualTo(1);
        assertThat(result.getMessage().getHeaders()).containsEntry(SoraConstants.MODEL, "sora-2")
                .containsEntry(SoraConstants.SIZE, "720x1280").containsEntry(SoraConstants.SECONDS, "4");
        assertThat(result.getMessage().getHeader(SoraConstants.EXPIRES_AT, Long.class)).isNotNull();
        assertThat(SIM.simulator().counters(videoId).downloads()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.simulator().webhooksDelivered() == 1);
        // the event completed the waiting exchange, so the webhook route did not run for it
        events.assertIsSatisfied();
    }

    @Test
    void anEventDoesNotEndTheWaitOfAnEndpointConfiguredToPoll() throws Exception {
        SIM.simulator().setWebhook(HOOK, SECRET);
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(0);

        java.util.concurrent.CompletableFuture<Exchange> result = template.asyncSend("direct:generatePolling",
                e -> e.getMessage().setBody("A lighthouse at dusk"));

        await().atMost(Duration.ofSeconds(10)).until(() -> SIM.simulator().webhooksDelivered() == 1);
        // completion=poll: the event neither completes the wait nor asks for a read; the schedule does (first poll
        // at the 5 s deadline, the job long finished by then)
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !result.isDone());
        assertThat(SIM.simulator().totalStatusReads()).isZero();
        Exchange done = result.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        assertThat(SIM.simulator().totalStatusReads()).isEqualTo(1);
        events.assertIsSatisfied();
    }

    @Test
    void lateEventsNeverDeliverAJobASecondTime() throws Exception {
        SIM.simulator().setWebhook(HOOK, SECRET);
        SIM.simulator().holdWebhooks();
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(0);

        for (int i = 0; i < 3; i++) {
            int shot = i;
            Exchange result = template.request("direct:generateWithQuickSafetyPoll",
                    e -> e.getMessage().setBody("A late event, take " + shot));
            assertThat(result.getException()).isNull();
        }
        // the safety poll delivered every job; now their events arrive, late and twice each
        SIM.simulator().setWebhookCopies(2);
        SIM.simulator().releaseWebhooks(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> SIM.simulator().webhooksDelivered() >= 3);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> events.getReceivedCounter() == 0);
        events.assertIsSatisfied();
        assertThat(SIM.simulator().totalDownloads()).isEqualTo(3);
    }

    @Test
    void aSlowSafetyPollCompletesTheJobWhenNoEventComes() {
        // no webhook configured on the simulator: the event never comes
        Exchange result = template.request("direct:generateWithQuickSafetyPoll",
                e -> e.getMessage().setBody("A quiet harbour"));

        assertThat(result.getException()).isNull();
        String videoId = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        assertThat(result.getMessage().getBody(File.class)).exists();
        assertThat(SIM.simulator().counters(videoId).statusReads()).isBetween(1, 10);
        assertThat(SIM.simulator().webhookEvents()).isZero();
    }

    @Test
    void duplicatedAndReorderedDeliveriesRunTheRouteOncePerEvent() throws Exception {
        SIM.simulator().setWebhook(HOOK, SECRET);
        SIM.simulator().setWebhookCopies(3);
        SIM.simulator().holdWebhooks();
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);

        String older = create("First lantern");
        String newer = create("Second lantern");
        await().atMost(Duration.ofSeconds(10)).until(() -> SIM.simulator().webhookEvents() == 2);
        SIM.simulator().releaseWebhooks(true);

        events.assertIsSatisfied(10_000);
        List<String> order = new ArrayList<>();
        events.getReceivedExchanges().forEach(e -> order.add(e.getMessage().getHeader(SoraConstants.VIDEO_ID,
                String.class)));
        // two delivery threads may swap them again: what matters is one run per event, whatever the order
        assertThat(order).containsExactlyInAnyOrder(newer, older);
        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.simulator().webhooksDelivered() == 6);
        assertThat(SIM.simulator().webhookAttempts()).isEqualTo(6);
    }

    @Test
    void aFailedRouteAnswers500AndTheRetriedDeliveryIsHandled() throws Exception {
        SIM.simulator().setWebhook(HOOK, SECRET);
        SIM.simulator().setWebhookRetry(Duration.ofMillis(300), 3);
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);
        events.whenExchangeReceived(1, e -> {
            throw new IllegalStateException("the sink is down");
        });

        String videoId = create("A lighthouse");

        events.assertIsSatisfied(10_000);
        assertThat(events.getReceivedExchanges()).allSatisfy(e -> assertThat(
                e.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class)).isEqualTo(videoId));
        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.simulator().webhooksDelivered() == 1);
        assertThat(SIM.simulator().webhookAttempts()).isEqualTo(2);
        assertThat(SIM.simulator().webhooksAbandoned()).isZero();
    }

    private String create(String prompt) throws Exception {
        return videos.create(new VideoRequest(prompt, "sora-2", "4", "720x1280")).get(10, TimeUnit.SECONDS).value().id();
    }

    private static String event(String id, String type, String videoId) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"created_at\":" + Instant.now().getEpochSecond()
               + ",\"type\":\"" + type + "\",\"data\":{\"id\":\"" + videoId + "\"}}";
    }

    private static Map<String, String> headers(String id, long timestamp, String signature) {
        return signature == null
                ? Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp))
                : Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp), "webhook-signature",
                        signature);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private int post(String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
