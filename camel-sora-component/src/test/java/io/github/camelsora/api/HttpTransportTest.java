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
package io.github.camelsora.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The one transport: deadlines that cancel in flight, credentials only to their origin, local vs transport failures. */
class HttpTransportTest {

    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, String> authorizationSeen = new ConcurrentHashMap<>();
    private HttpServer provider;
    private HttpServer other;
    private HttpTransport transport;

    @TempDir
    Path directory;

    @BeforeEach
    void start() throws IOException {
        other = server();
        other.createContext("/video.json", exchange -> {
            authorizationSeen.put("other", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            answer(exchange, 200, "application/json", "{\"id\":\"video_1\",\"object\":\"video\",\"status\":\"queued\"}");
        });
        provider = server();
        provider.createContext("/held", exchange -> {
            try {
                release.await(70, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "application/json", "{}");
        });
        provider.createContext("/elsewhere", exchange -> {
            authorizationSeen.put("provider", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + other.getAddress().getPort()
                                                          + "/video.json");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        provider.createContext("/video.mp4", exchange -> answer(exchange, 200, "video/mp4", "not really an mp4"));
        transport = HttpTransport.standalone(new HttpTransport.Key(null, null, 0, null, null, Duration.ofSeconds(5),
                4));
    }

    private HttpServer server() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.start();
        return server;
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        transport.close();
        provider.stop(0);
        other.stop(0);
        handlers.shutdownNow();
    }

    private URI at(HttpServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private HttpTransport.Auth auth() {
        return new HttpTransport.Auth("Authorization", "Bearer sk-secret-token", at(provider, "/"));
    }

    @Test
    void theCallersDeadlineCancelsARequestInFlightBeforeItsOwnTimeout() {
        long start = System.nanoTime();
        Throwable error = catchThrowable(() -> transport.execute(new HttpTransport.Request("GET", at(provider, "/held"),
                        null, null, "application/json", auth(), false),
                () -> new BufferedResponseConsumer(1024), "retrieve video", "video_1", Duration.ofSeconds(60),
                Deadline.in(Duration.ofMillis(300))).get(10, TimeUnit.SECONDS));

        assertThat(error.getCause()).isInstanceOfSatisfying(SoraTransportException.class, e -> {
            assertThat(e.getVideoId()).isEqualTo("video_1");
            assertThat(e.isOutcomeUnknown()).isTrue();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aRedirectToAnotherOriginCarriesNoCredential() throws Exception {
        BufferedResponseConsumer.Result result = transport.execute(new HttpTransport.Request("GET",
                        at(provider, "/elsewhere"), null, null, "application/json", auth(), false),
                () -> new BufferedResponseConsumer(1024), "retrieve video", "video_1", Duration.ofSeconds(10),
                Deadline.NONE).get(10, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(200);
        assertThat(authorizationSeen).containsEntry("provider", "Bearer sk-secret-token")
                .containsEntry("other", "null");
    }

    @Test
    void aPostIsNeverRedirected() throws Exception {
        BufferedResponseConsumer.Result result = transport.execute(new HttpTransport.Request("POST",
                        at(provider, "/elsewhere"), "{}".getBytes(StandardCharsets.UTF_8),
                        org.apache.hc.core5.http.ContentType.APPLICATION_JSON, "application/json", auth(), false),
                () -> new BufferedResponseConsumer(1024), "create video", null, Duration.ofSeconds(10),
                Deadline.NONE).get(10, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(302);
        assertThat(authorizationSeen).doesNotContainKey("other");
    }

    @Test
    void aFileThatCannotBeWrittenIsALocalFailureNotATransportOne() throws Exception {
        Path notADirectory = Files.writeString(directory.resolve("plain-file"), "x");
        Path target = notADirectory.resolve("video.mp4.part");

        Throwable error = catchThrowable(() -> transport.execute(new HttpTransport.Request("GET",
                        at(provider, "/video.mp4"), null, null, "*/*", auth(), false),
                () -> new FileResponseConsumer(target, 1 << 20), "download video", "video_1", Duration.ofSeconds(10),
                Deadline.NONE).get(10, TimeUnit.SECONDS)).getCause();

        assertThat(error).isExactlyInstanceOf(SoraException.class).hasMessageContaining("on this machine");
        assertThat(io.github.camelsora.job.RetryPolicy.isRetryable(error)).isFalse();
    }

    @Test
    void aRefusedConnectionSentNothing() {
        int closedPort = other.getAddress().getPort();
        other.stop(0);

        Throwable error = catchThrowable(() -> transport.execute(new HttpTransport.Request("POST",
                        URI.create("http://127.0.0.1:" + closedPort + "/v1/videos"), new byte[0],
                        org.apache.hc.core5.http.ContentType.APPLICATION_JSON, "application/json", null, false),
                () -> new BufferedResponseConsumer(1024), "create video", null, Duration.ofSeconds(10),
                Deadline.NONE).get(10, TimeUnit.SECONDS)).getCause();

        assertThat(error).isInstanceOfSatisfying(SoraTransportException.class,
                e -> assertThat(e.isOutcomeUnknown()).isFalse());
        assertThat(io.github.camelsora.job.PolicyGateway.outcomeUnknown(error)).isFalse();
    }

    @Test
    void redirectRule() {
        URI https = URI.create("https://api.example.com/v1/videos/1/content");
        assertThat(HttpTransport.redirect(https, "https://cdn.example.net/x.mp4", 0, 5, false, 302).getHost())
                .isEqualTo("cdn.example.net");
        for (String refused : List.of("http://cdn.example.net/x.mp4", "ftp://cdn.example.net/x", "file:///etc/passwd")) {
            assertThat(catchThrowable(() -> HttpTransport.redirect(https, refused, 0, 5, true, 302)))
                    .isInstanceOf(HttpTransport.RedirectRefused.class);
        }
        assertThat(catchThrowable(() -> HttpTransport.redirect(https, "/next", 5, 5, false, 302)))
                .hasMessageContaining("more than 5 redirects");
    }
}
