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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelsora.api.ClientSettings;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoRequest;
import io.github.camelsora.api.VideosClient;
import io.github.camelsora.simulator.Route;
import io.github.camelsora.simulator.SoraSimulator;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import io.github.camelsora.webhook.WebhookVerifier;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Item 7 of issue 12, on platform-http's Vert.x engine: sora:webhook refuses an oversize body while reading it (a
 * chunked body with no Content-Length is not buffered before the 413), and hands its work off: the job is fetched
 * without a waiting thread, the route runs on the component's workers, not on the HTTP server's threads, and the
 * request is answered once the route is done.
 */
class SoraWebhookHandOffIT extends CamelTestSupport {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey("sk-sim-webhook-handoff")
            .renderTime(Duration.ofMillis(300))
            .resetBeforeEach(true)
            .build();

    private static final String SECRET = SoraSimulator.newWebhookSecret();
    private static final int PORT = AvailablePortFinder.getNextAvailable();
    private static final int MAX_PAYLOAD = 2048;
    private static final long OFFERED = 64L * 1024 * 1024;

    @TempDir
    static Path output;

    private final HttpClient http = HttpClient.newHttpClient();
    private final WebhookVerifier signer = new WebhookVerifier(SECRET);
    private final List<String> routeThreads = new CopyOnWriteArrayList<>();
    private VideosClient videos;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(PORT);
        context.addService(new VertxPlatformHttpServer(server));
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setBaseUrl(SIM.baseUrl());
        sora.getConfiguration().setApiKey(SIM.apiKey());
        sora.getConfiguration().setWebhookSecret(SECRET);
        sora.getConfiguration().setOutputDirectory(output.toString());
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
                from("sora:webhook?webhookPath=/hooks/small&fetchVideo=false&webhookMaxPayloadSize=" + MAX_PAYLOAD)
                        .routeId("small").to("mock:small");
                from("sora:webhook?webhookPath=/hooks/jobs").routeId("jobs")
                        .process(e -> routeThreads.add(Thread.currentThread().getName())).to("mock:jobs");
                from("sora:webhook?webhookPath=/hooks/slow&requestTimeout=1000").routeId("slow").to("mock:slow");
            }
        };
    }

    @Test
    void anOversizeChunkedBodyIsRefusedWhileItIsRead() throws Exception {
        MockEndpoint small = getMockEndpoint("mock:small");
        small.expectedMessageCount(0);
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket()) {
            socket.setSendBufferSize(64 * 1024); // what the client's kernel may absorb stays small
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /hooks/small HTTP/1.1\r\nHost: 127.0.0.1:" + PORT + "\r\nContent-Type: application/json\r\n"
                       + "Transfer-Encoding: chunked\r\nwebhook-id: msg_huge\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // no Content-Length: only reading tells the body is too large; 64 MiB are offered, in 64 KiB chunks
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'x');
                byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < OFFERED) {
                        out.write(head);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(chunk.length);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the test closed the socket once it had its answer
                }
            });

            InputStream in = socket.getInputStream();
            String status = statusLine(in);
            // the rest of the body stays unread, so the connection cannot serve another request: the server closes
            // it after the 413 (the client learns at once; nothing is held open for it)
            socket.setSoTimeout(10_000);
            boolean closedByServer = readsToEnd(in);
            socket.close();
            writer.get(30, TimeUnit.SECONDS);

            assertThat(status).startsWith("HTTP/1.1 413");
            assertThat(closedByServer).as("the server closed the connection after its 413").isTrue();
        }
        // the server stopped reading past the cap: what was sent is what the sockets' buffers took (about 200 KiB
        // here), not the body; a server that buffers before checking takes 10 MiB or more
        assertThat(sent.get()).as("bytes the client could send").isLessThan(2L * 1024 * 1024);
        small.assertIsSatisfied();

        // the same path still serves a signed event of the right size
        String body = "{\"id\":\"evt_1\",\"object\":\"event\",\"created_at\":" + Instant.now().getEpochSecond()
                      + ",\"type\":\"video.failed\",\"data\":{\"id\":\"video_1\"}}";
        small.reset();
        small.expectedMessageCount(1);
        assertThat(post("/hooks/small", "msg_1", body)).isEqualTo(200);
        small.assertIsSatisfied();
    }

    @Test
    void theRouteRunsOnTheComponentsWorkersAndTheAnswerWaitsForIt() throws Exception {
        MockEndpoint jobs = getMockEndpoint("mock:jobs");
        jobs.expectedMessageCount(3);
        List<String> ids = List.of(create("A red kite"), create("A blue kite"), create("A green kite"));
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(
                    videos.retrieve(id, io.github.camelsora.api.Deadline.NONE).get(10, TimeUnit.SECONDS).value().status()));
        }
        // each event's job fetch is held by the server for a while: nothing waits for it on the HTTP server
        ids.forEach(id -> SIM.simulator().delayNext(Route.RETRIEVE, Duration.ofMillis(500)));

        List<CompletableFuture<HttpResponse<Void>>> answers = ids.stream().map(id -> sendAsync("/hooks/jobs",
                "msg_" + id, "{\"id\":\"evt_" + id + "\",\"object\":\"event\",\"created_at\":"
                             + Instant.now().getEpochSecond() + ",\"type\":\"video.completed\",\"data\":{\"id\":\""
                             + id + "\"}}")).toList();

        for (CompletableFuture<HttpResponse<Void>> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        // answered only once the route had run
        jobs.assertIsSatisfied(1);
        assertThat(jobs.getReceivedExchanges()).allSatisfy(e -> assertThat(e.getMessage().getBody(Video.class).status())
                .isEqualTo("completed"));
        assertThat(routeThreads).hasSize(3).allSatisfy(name -> assertThat(name).contains("SoraWorker")
                .doesNotContainIgnoringCase("vert.x"));
    }

    @Test
    void aJobFetchPastTheDeadlineAnswers500AndTheRedeliveryIsHandled() throws Exception {
        MockEndpoint slow = getMockEndpoint("mock:slow");
        slow.expectedMessageCount(1);
        String id = create("A slow kite");
        await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(
                videos.retrieve(id, io.github.camelsora.api.Deadline.NONE).get(10, TimeUnit.SECONDS).value().status()));
        SIM.simulator().delayNext(Route.RETRIEVE, Duration.ofSeconds(5));
        String body = "{\"id\":\"evt_slow\",\"object\":\"event\",\"created_at\":" + Instant.now().getEpochSecond()
                      + ",\"type\":\"video.completed\",\"data\":{\"id\":\"" + id + "\"}}";

        long start = System.nanoTime();
        assertThat(post("/hooks/slow", "msg_slow", body)).isEqualTo(500);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        // the failed delivery was forgotten: the provider's next one is handled
        assertThat(post("/hooks/slow", "msg_slow", body)).isEqualTo(200);
        slow.assertIsSatisfied();
    }

    private String create(String prompt) throws Exception {
        return videos.create(new VideoRequest(prompt, "sora-2", "4", "720x1280")).get(10, TimeUnit.SECONDS).value().id();
    }

    /** Reads what is left of the answer; true when the server closed the connection (within the socket timeout). */
    private static boolean readsToEnd(InputStream in) {
        try {
            byte[] buffer = new byte[4096];
            while (in.read(buffer) != -1) {
                // the 413's headers and body
            }
            return true;
        } catch (IOException e) {
            // a reset is the server closing too; a timeout is not
            return !(e instanceof java.net.SocketTimeoutException);
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString().trim();
    }

    private CompletableFuture<HttpResponse<Void>> sendAsync(String path, String webhookId, String body) {
        long now = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", signer.sign(webhookId, now, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    private int post(String path, String webhookId, String body) throws Exception {
        return sendAsync(path, webhookId, body).get(30, TimeUnit.SECONDS).statusCode();
    }
}
