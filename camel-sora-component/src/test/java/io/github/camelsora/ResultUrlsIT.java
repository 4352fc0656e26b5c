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
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraFetchException;
import io.github.camelsora.api.SoraJobFailedException;
import io.github.camelsora.api.SoraTimeoutException;
import io.github.camelsora.hostile.HostileServer;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.RecordedExchange;
import io.github.camelsora.simulator.Route;
import io.github.camelsora.simulator.SoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new surfaces of issue 13 under attack: a result URL a job names (internal addresses, other hosts through
 * redirects, an expired signed link), an id with path characters, a status that never ends and one the profile
 * does not know but which carries an error.
 */
class ResultUrlsIT {

    @TempDir
    static Path output;

    static SoraSimulator comet;
    static HttpServer cdnA;
    static HttpServer cdnB;
    static byte[] mp4;
    static final List<Map<String, String>> CDN_REQUESTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        comet = SoraSimulator.builder().dialect(Dialect.COMETAPI).renderTime(Duration.ofMillis(300))
                .recordExchanges(true).start();
        // a real MP4 for the other hosts to serve: one the simulator renders
        try (CamelContext context = context(comet, "cometapi", "allowInternalProviderUrls=true")) {
            Exchange first = generate(context, "A source clip");
            assertThat(first.getException()).isNull();
            mp4 = Files.readAllBytes(first.getMessage().getBody(File.class).toPath());
        }
        cdnB = server(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, mp4.length);
            exchange.getResponseBody().write(mp4);
        });
        cdnA = server(exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + cdnB.getAddress().getPort()
                                                          + "/video.mp4");
            exchange.sendResponseHeaders(302, -1);
        });
    }

    @AfterAll
    static void stop() {
        comet.close();
        cdnA.stop(0);
        cdnB.stop(0);
    }

    private interface Handler {
        void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException;
    }

    private static HttpServer server(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            headers.put(":path", exchange.getRequestURI().getPath());
            CDN_REQUESTS.add(headers);
            try (exchange) {
                handler.handle(exchange);
            }
        });
        server.start();
        return server;
    }

    private static CamelContext context(SoraSimulator sim, String provider, String options) throws Exception {
        CamelContext context = new DefaultCamelContext();
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setProvider(provider);
        sora.getConfiguration().setBaseUrl(sim.baseUrl());
        sora.getConfiguration().setApiKey(sim.apiKey());
        sora.getConfiguration().setModel(provider.equals("openrouter") ? "google/veo-3.1" : "veo3.1-fast");
        sora.getConfiguration().setSize("1280x720");
        sora.getConfiguration().setOutputDirectory(output.toString());
        sora.getConfiguration().setPollDelay(100);
        sora.getConfiguration().setMaxPollDelay(200);
        context.addComponent("sora", sora);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sora:generate" + (options.isEmpty() ? "" : "?" + options));
            }
        });
        context.start();
        return context;
    }

    private static Exchange generate(CamelContext context, String prompt) {
        return context.createProducerTemplate().request("direct:generate", e -> e.getMessage().setBody(prompt));
    }

    @Test
    void aResultUrlOnAnInternalAddressIsRefusedUnlessAllowedAndTheJobIsNotLost() throws Exception {
        comet.resultUrlWhenPromptContains("[ten]", "https://10.1.2.3/video.mp4");
        comet.resultUrlWhenPromptContains("[localhost]", "https://localhost:" + cdnB.getAddress().getPort()
                                                         + "/video.mp4");
        int cdn = CDN_REQUESTS.size();
        try (CamelContext context = context(comet, "cometapi", "")) {
            for (String marker : new String[] { "[ten]", "[localhost]" }) {
                Exchange result = generate(context, "A private clip " + marker);
                assertThat(result.getException()).as(marker).isInstanceOfSatisfying(SoraFetchException.class, e -> {
                    assertThat(e.getReason()).isEqualTo("internal_address");
                    // the job exists and is paid for: its id is in the exception, no failover may create it again
                    assertThat(e.getVideoId()).startsWith("task_");
                    assertThat(e.getJobExistence()).isEqualTo(SoraException.JobExistence.CREATED);
                });
                assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class)).startsWith("task_");
            }
        }
        assertThat(CDN_REQUESTS.size()).as("nothing was sent to the internal host").isEqualTo(cdn);
    }

    @Test
    void aResultUrlRedirectingToAnotherHostNeverCarriesTheKey() throws Exception {
        comet.resultUrlWhenPromptContains("[hop]", "http://127.0.0.1:" + cdnA.getAddress().getPort() + "/hop");
        int cdn = CDN_REQUESTS.size();
        try (CamelContext context = context(comet, "cometapi", "allowInternalProviderUrls=true")) {
            Exchange result = generate(context, "A travelling clip [hop]");
            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getBody(File.class)).hasBinaryContent(mp4);
        }
        List<Map<String, String>> seen = CDN_REQUESTS.subList(cdn, CDN_REQUESTS.size());
        assertThat(seen).extracting(h -> h.get(":path")).containsExactly("/hop", "/video.mp4");
        assertThat(seen).allSatisfy(h -> assertThat(h).doesNotContainKey("Authorization"));
    }

    @Test
    void anAuthenticatedResultUrlGetsTheKeyOnlyOnTheProvidersOwnOrigin() throws Exception {
        try (SoraSimulator openrouter = SoraSimulator.builder().dialect(Dialect.OPENROUTER)
                .renderTime(Duration.ofMillis(300)).start()) {
            openrouter.resultUrlWhenPromptContains("[elsewhere]", "http://127.0.0.1:" + cdnA.getAddress().getPort()
                                                                   + "/hop");
            int cdn = CDN_REQUESTS.size();
            try (CamelContext context = context(openrouter, "openrouter", "allowInternalProviderUrls=true")) {
                Exchange result = generate(context, "A routed clip [elsewhere]");
                assertThat(result.getException()).isNull();
                assertThat(result.getMessage().getBody(File.class)).hasBinaryContent(mp4);
            }
            assertThat(CDN_REQUESTS.subList(cdn, CDN_REQUESTS.size())).hasSize(2)
                    .allSatisfy(h -> assertThat(h).doesNotContainKey("Authorization"));
        }
    }

    @Test
    void anExpiredSignedLinkIsRefreshedByReadingTheJobAgain() throws Exception {
        int before = comet.recordedExchanges().size();
        comet.enqueueError(Route.RESULT_FILE, 403, "access_denied", "expired_link", "Request has expired", null);
        try (CamelContext context = context(comet, "cometapi", "allowInternalProviderUrls=true")) {
            Exchange result = generate(context, "A clip whose first link expired");
            assertThat(result.getException()).isNull();
            Mp4Assertions.assertPlayableMp4(result.getMessage().getBody(File.class), 1280, 720, 4);
        }
        List<RecordedExchange> files = comet.recordedExchanges().subList(before, comet.recordedExchanges().size())
                .stream().filter(e -> e.path().startsWith("/files/")).toList();
        assertThat(files).extracting(RecordedExchange::status).containsExactly(403, 200);
        assertThat(files.get(0).path()).as("a new link from a fresh read").isNotEqualTo(files.get(1).path());
        assertThat(comet.totalCreates()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aStatusThatNeverEndsWaitsToTheDeadlineAndNamesTheLastRawStatus() throws Exception {
        comet.statusWhenPromptContains("[stuck]", "rendering_on_gpu_7", false);
        comet.statusWhenPromptContains("[broken]", "rendering_on_gpu_7", true);
        try (CamelContext context = context(comet, "cometapi", "timeout=1500")) {
            long start = System.nanoTime();
            Exchange stuck = generate(context, "A clip that never ends [stuck]");
            assertThat(stuck.getException()).isInstanceOfSatisfying(SoraTimeoutException.class, e -> {
                assertThat(e.getLastStatus()).isEqualTo("rendering_on_gpu_7");
                assertThat(e.getVideoId()).startsWith("task_");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1400));
            assertThat(stuck.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class)).startsWith("task_");

            Exchange broken = generate(context, "A clip with an unknown word and an error [broken]");
            assertThat(broken.getException()).isInstanceOfSatisfying(SoraJobFailedException.class, e -> {
                assertThat(e.getStatus()).isEqualTo("failed");
                assertThat(e.getErrorCode()).isEqualTo("simulated_error");
            });
        }
    }

    @Test
    void idsWithPathCharactersAreOpaqueAndEncodedInTheUrl() throws Exception {
        String id = "task_a/b+c==";
        try (HostileServer server = new HostileServer()) {
            server.script(HostileServer.json(200, "{\"id\":\"" + id + "\",\"status\":\"queued\"}"),
                    HostileServer.json(200, "{\"id\":\"" + id + "\",\"status\":\"completed\",\"progress\":100}"),
                    HostileServer.response(200, "video/mp4", mp4));
            CamelContext context = new DefaultCamelContext();
            SoraComponent sora = new SoraComponent();
            sora.getConfiguration().setProvider("custom");
            sora.getConfiguration().setBaseUrl(server.baseUrl());
            sora.getConfiguration().setApiKey("sk-test");
            sora.getConfiguration().setOutputDirectory(output.toString());
            sora.getConfiguration().setPollDelay(100);
            context.addComponent("sora", sora);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate").to("sora:generate?model=wan-2.6&size=1280x720");
                }
            });
            context.start();
            try (context) {
                Exchange result = generate(context, "An id with slashes");
                assertThat(result.getException()).isNull();
                assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_ID)).isEqualTo(id);
                File file = result.getMessage().getBody(File.class);
                assertThat(file.getParentFile().toPath()).isEqualTo(output.toAbsolutePath().normalize());
                assertThat(file.getName()).doesNotContain("/").doesNotContain("+").endsWith(".mp4");
            }
            assertThat(server.requests()).extracting(HostileServer.Request::path)
                    .contains("/v1/videos/task_a%2Fb%2Bc%3D%3D")
                    .anySatisfy(path -> assertThat(path).startsWith("/v1/videos/task_a%2Fb%2Bc%3D%3D/content"));
        }
    }
}
