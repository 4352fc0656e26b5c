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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraJobFailedException;
import io.github.camelsora.api.SoraTimeoutException;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.hostile.HostileServer;
import io.github.camelsora.hostile.HostileServer.Responder;
import io.github.camelsora.simulator.media.MediaRenderer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.camelsora.hostile.HostileServer.drip;
import static io.github.camelsora.hostile.HostileServer.json;
import static io.github.camelsora.hostile.HostileServer.raw;
import static io.github.camelsora.hostile.HostileServer.redirect;
import static io.github.camelsora.hostile.HostileServer.resetAfter;
import static io.github.camelsora.hostile.HostileServer.response;
import static io.github.camelsora.hostile.HostileServer.sequence;
import static io.github.camelsora.hostile.HostileServer.silent;
import static io.github.camelsora.hostile.HostileServer.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile battery: bad inputs from the route and bad answers from a hostile server, each run through a real
 * route into {@code sora:generate}. Every case must end with the expected outcome (a typed exception naming what
 * went wrong, or an exact success), and none may crash the route, send a second create, leave a partial file, or
 * put the API key into an exception. The outcomes are written to {@code target/security-battery.md}, the source of
 * the table in docs/security.md.
 */
class HostileBatteryIT {

    static final String KEY = "sk-battery-9f1c2e7a5b3d4c6e";
    static final String ID = "video_battery1";
    static final String HTML = "<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static HostileServer server;
    static HostileServer otherHost;
    static CamelContext context;
    static ProducerTemplate template;
    static byte[] mp4;
    static final Map<Integer, String> REPORT = new java.util.concurrent.ConcurrentSkipListMap<>();
    static final AtomicInteger RUN = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        try (MediaRenderer renderer = new MediaRenderer(tmp.resolve("render"), 1)) {
            mp4 = Files.readAllBytes(renderer.video(320, 180, 1, "battery"));
        }
        server = new HostileServer();
        otherHost = new HostileServer();
        context = new DefaultCamelContext();
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setBaseUrl(server.baseUrl());
        sora.getConfiguration().setApiKey(KEY);
        sora.getConfiguration().setPollDelay(50);
        sora.getConfiguration().setMaxPollDelay(200);
        sora.getConfiguration().setTimeout(3000);
        sora.getConfiguration().setRequestTimeout(1000);
        sora.getConfiguration().setConnectTimeout(1000);
        sora.getConfiguration().setDownloadTimeout(2000);
        context.addComponent("sora", sora);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:battery").routeId("battery").toD("sora:generate?${header.SoraBatteryOptions}");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        if (context != null) {
            context.stop();
        }
        if (server != null) {
            server.close();
            otherHost.close();
        }
        StringBuilder md = new StringBuilder("| # | area | hostile input or response | outcome |\n|---|---|---|---|\n");
        REPORT.values().forEach(line -> md.append(line).append('\n'));
        Path report = Path.of("target", "security-battery.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, md.toString(), StandardCharsets.UTF_8);
    }

    // ---- the cases ----------------------------------------------------------------------------------------------

    /** What one case sends and how the server behaves. */
    static final class Case {
        final String area;
        final String name;
        Object body = "A lighthouse in a storm";
        final Map<String, Object> headers = new LinkedHashMap<>();
        String options = "";
        int allowedCreates = 1;
        Responder create = json(200, "{\"id\":\"" + ID + "\",\"object\":\"video\",\"status\":\"queued\"}");
        Responder retrieve = status("completed", "");
        Responder content;
        BiConsumer<Case, Path> fixture = (c, dir) -> {
        };
        Set<String> fixtures = Set.of();
        Expectation expectation;

        Case(String area, String name) {
            this.area = area;
            this.name = name;
        }

        Case body(Object value) {
            body = value;
            return this;
        }

        Case header(String name, Object value) {
            headers.put(name, value);
            return this;
        }

        Case options(String value) {
            options = value;
            return this;
        }

        /** Creates the server refused (429 and the like, nothing billed) may be sent again: up to this many in all. */
        Case allowedCreates(int creates) {
            allowedCreates = creates;
            return this;
        }

        Case create(Responder r) {
            create = r;
            return this;
        }

        Case retrieve(Responder r) {
            retrieve = r;
            return this;
        }

        Case content(Responder r) {
            content = r;
            return this;
        }

        Case fixture(BiConsumer<Case, Path> setup, String... names) {
            fixture = setup;
            fixtures = Set.of(names);
            return this;
        }

        Case expect(Expectation e) {
            expectation = e;
            return this;
        }

        @Override
        public String toString() {
            return area + ": " + name;
        }
    }

    /** Checks the outcome and describes it for the report. */
    @FunctionalInterface
    interface Expectation {
        String check(Exchange result, Path directory, Duration elapsed) throws Exception;
    }

    static Case c(String area, String name) {
        return new Case(area, name);
    }

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.addAll(inputs());
        all.addAll(unicode());
        all.addAll(createResponses());
        all.addAll(statusResponses());
        all.addAll(contentResponses());
        all.addAll(files());
        all.addAll(images());
        all.addAll(listParameters());
        return all.stream();
    }

    static List<Case> images() {
        String area = "reference images";
        String ref = SoraConstants.INPUT_REFERENCE;
        return List.of(
                c(area, "empty byte array").header(ref, new byte[0]).expect(invalid("input_reference")),
                c(area, "GIF instead of JPEG/PNG/WebP").header(ref, "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1))
                        .expect(invalid("input_reference")),
                c(area, "HTML page sent as an image").header(ref, HTML.getBytes(StandardCharsets.UTF_8))
                        .expect(invalid("input_reference")),
                c(area, "PNG signature only (truncated)").header(ref, java.util.Arrays.copyOf(png(720, 1280), 8))
                        .expect(invalid("input_reference")),
                c(area, "PNG declaring 100000x100000 pixels (decompression bomb)").header(ref, pngHeader(100_000, 100_000))
                        .expect(invalid("input_reference")),
                c(area, "PNG declaring 0x0 pixels").header(ref, pngHeader(0, 0)).expect(invalid("input_reference")),
                c(area, "PNG without IHDR").header(ref, withoutIhdr(png(720, 1280))).expect(invalid("input_reference")),
                c(area, "JPEG start marker followed by garbage").header(ref, new byte[] { (byte) 0xff, (byte) 0xd8, 1, 2, 3, 4 })
                        .expect(invalid("input_reference")),
                c(area, "JPEG cut before its size (SOF) segment")
                        .header(ref, java.util.Arrays.copyOf(jpeg(720, 1280), 20)).expect(invalid("input_reference")),
                c(area, "RIFF/WEBP with no image chunk").header(ref, "RIFF\u0004\u0000\u0000\u0000WEBPJUNK".getBytes(StandardCharsets.ISO_8859_1))
                        .expect(invalid("input_reference")),
                c(area, "PNG of the wrong size with inputReferenceFit=reject").header(ref, png(640, 480))
                        .expect(invalid("input_reference")),
                c(area, "plain http image URL").header(ref, "http://169.254.169.254/latest/meta-data/")
                        .expect(invalid("input_reference")),
                c(area, "path to a file that does not exist").header(ref, tmp.resolve("missing.png").toString())
                        .expect(invalid("input_reference")),
                c(area, "inputReferenceFit 'stretch'").options("inputReferenceFit=stretch").header(ref, png(640, 480))
                        .expect(invalid("inputReferenceFit")),
                c(area, "valid PNG of the right size").header(ref, png(720, 1280)).expect(success()),
                c(area, "PNG of the wrong size with inputReferenceFit=crop").options("inputReferenceFit=crop")
                        .header(ref, png(1000, 1000)).expect(success()));
    }

    static List<Case> listParameters() {
        String area = "list parameters";
        String op = SoraConstants.OPERATION;
        return List.of(
                c(area, "limit 0").header(op, "list").header(SoraConstants.LIST_LIMIT, 0).expect(invalid("limit")),
                c(area, "limit 101").header(op, "list").header(SoraConstants.LIST_LIMIT, 101).expect(invalid("limit")),
                c(area, "limit 'abc'").header(op, "list").header(SoraConstants.LIST_LIMIT, "abc").expect(invalid("limit")),
                c(area, "limit '-1'").header(op, "list").header(SoraConstants.LIST_LIMIT, "-1").expect(invalid("limit")),
                c(area, "order 'sideways'").header(op, "list").header(SoraConstants.LIST_ORDER, "sideways")
                        .expect(invalid("order")),
                c(area, "order 'DESC; DROP TABLE'").header(op, "list").header(SoraConstants.LIST_ORDER, "DESC; DROP TABLE")
                        .expect(invalid("order")));
    }

    static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    static byte[] jpeg(int width, int height) {
        return image("jpg", width, height);
    }

    private static byte[] image(String format, int width, int height) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG signature and an IHDR chunk declaring any size, and nothing else. */
    static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(33);
        b.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
        b.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
        b.put(new byte[] { 8, 2, 0, 0, 0 }).putInt(0);
        return b.array();
    }

    static byte[] withoutIhdr(byte[] png) {
        byte[] copy = png.clone();
        copy[12] = 'X';
        return copy;
    }

    static List<Case> inputs() {
        String area = "prompt and parameters";
        return List.of(
                c(area, "empty prompt").body("").expect(invalid("prompt")),
                c(area, "whitespace-only prompt").body(" \t\n ").expect(invalid("prompt")),
                c(area, "no body and no prompt header").body(null).expect(invalid("prompt")),
                c(area, "prompt of 32001 characters").body("x".repeat(32_001)).expect(invalid("prompt")),
                c(area, "prompt with a NUL character").body("before\u0000after").expect(invalid("prompt")),
                c(area, "prompt with a lone high surrogate").body("broken \uD83D text").expect(invalid("prompt")),
                c(area, "prompt with a lone low surrogate").body("broken \uDE00 text").expect(invalid("prompt")),
                c(area, "prompt with a reversed surrogate pair").body("\uDE00\uD83D").expect(invalid("prompt")),
                c(area, "seconds 'abc'").header(SoraConstants.SECONDS, "abc").expect(invalid("seconds")),
                c(area, "seconds '-4'").header(SoraConstants.SECONDS, "-4").expect(invalid("seconds")),
                c(area, "seconds '4.5'").header(SoraConstants.SECONDS, "4.5").expect(invalid("seconds")),
                c(area, "seconds ''").header(SoraConstants.SECONDS, "").expect(invalid("seconds")),
                c(area, "seconds '8; rm -rf /'").header(SoraConstants.SECONDS, "8; rm -rf /").expect(invalid("seconds")),
                c(area, "seconds '7' for sora-2").header(SoraConstants.SECONDS, "7").expect(invalid("seconds")),
                c(area, "seconds 99999").header(SoraConstants.SECONDS, 99999).expect(invalid("seconds")),
                c(area, "size '1280*720'").header(SoraConstants.SIZE, "1280*720").expect(invalid("size")),
                c(area, "size '0x0'").header(SoraConstants.SIZE, "0x0").expect(invalid("size")),
                c(area, "size '1280x720x3'").header(SoraConstants.SIZE, "1280x720x3").expect(invalid("size")),
                c(area, "size '1920x1080' for sora-2").header(SoraConstants.SIZE, "1920x1080").expect(invalid("size")),
                c(area, "model ''").header(SoraConstants.MODEL, "").expect(invalid("model")),
                c(area, "model '../../etc/passwd'").header(SoraConstants.MODEL, "../../etc/passwd")
                        .expect(invalid("model")),
                c(area, "model with CRLF and a header").header(SoraConstants.MODEL, "sora-2\r\nX-Injected: 1")
                        .expect(invalid("model")),
                c(area, "model of 300 characters").header(SoraConstants.MODEL, "m".repeat(300)).expect(invalid("model")),
                c(area, "unknown operation in header").header(SoraConstants.OPERATION, "deleteEverything")
                        .expect(invalid("operation")));
    }

    static List<Case> unicode() {
        String area = "unicode on the wire";
        String emoji32000 = "\uD83C\uDFAC".repeat(32_000); // 32000 code points, 64000 UTF-16 units
        return List.of(
                u(area, "emoji, ZWJ family and flags", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \uD83C\uDDEF\uD83C\uDDF5 \uD83E\uDD8A"),
                u(area, "RTL Arabic and Hebrew with a U+202E override", "\u0645\u0646\u0627\u0631\u0629 \u05DE\u05D2\u05D3\u05DC\u05D5\u05E8 \u202Egnp.exe"),
                u(area, "combining marks, decomposed and stacked (not normalized)", "e\u0301te\u0301 Z\u0351\u0308\u035B\u0367a\u0300\u0301l\u0334g\u0337o"),
                u(area, "CJK and a supplementary-plane ideograph", "\u706F\u5854\u3068\u5D50 \uD841\uDF0E"),
                u(area, "exactly 32000 code points of emoji", emoji32000),
                u(area, "JSON and template metacharacters", "\"quoted\" \\back\\slash </script> {{x}} ${header.x} %s"),
                u(area, "tabs, newlines and U+2028/U+2029", "line1\nline2\r\n\tindent\u2028sep\u2029para"));
    }

    static List<Case> createResponses() {
        String area = "hostile create response";
        byte[] hugeJson = ("{\"id\":\"" + ID + "\",\"pad\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return List.of(
                c(area, "200 with a text/plain body").create(response(200, "text/plain", bytes("ok")))
                        .expect(api(200, "unexpected_content_type", 1)),
                c(area, "200 with an HTML page").create(response(200, "text/html", bytes(HTML)))
                        .expect(api(200, "unexpected_content_type", 1)),
                c(area, "200 with no content type").create(response(200, null, bytes("{\"id\":\"" + ID + "\"}")))
                        .expect(api(200, "unexpected_content_type", 1)),
                c(area, "JSON without an id").create(json(200, "{\"object\":\"video\",\"status\":\"queued\"}"))
                        .expect(api(200, "invalid_response", 1)),
                c(area, "JSON id of the wrong type (object)").create(json(200, "{\"id\":{\"a\":1},\"status\":\"queued\"}"))
                        .expect(api(200, "invalid_response", 1)),
                c(area, "JSON array instead of an object").create(json(200, "[1,2,3]"))
                        .expect(api(200, "invalid_response", 1)),
                c(area, "truncated JSON").create(json(200, "{\"id\":\"vid")).expect(api(200, "invalid_response", 1)),
                c(area, "gzip-encoded garbage that was never asked for")
                        .create(response(200, "application/json", new byte[] { 0x1f, (byte) 0x8b, 8, 0, 1, 2, 3 },
                                "Content-Encoding: gzip"))
                        .expect(api(200, "invalid_response", 1)),
                c(area, "video id '../../etc/passwd'").create(json(200, "{\"id\":\"../../etc/passwd\"}"))
                        .expect(api(200, "invalid_video_id", 1)),
                c(area, "video id with a backslash 'a\\b'").create(json(200, "{\"id\":\"a\\\\b\"}"))
                        .expect(api(200, "invalid_video_id", 1)),
                c(area, "video id '..'").create(json(200, "{\"id\":\"..\"}")).expect(api(200, "invalid_video_id", 1)),
                c(area, "video id '.hidden'").create(json(200, "{\"id\":\".hidden\"}"))
                        .expect(api(200, "invalid_video_id", 1)),
                c(area, "video id with CR, LF and an ANSI escape")
                        .create(json(200, "{\"id\":\"video\\r\\nINFO forged log line \\u001b[31m\"}"))
                        .expect(all(api(200, "invalid_video_id", 1), noControlCharacters())),
                c(area, "video id of 10000 characters").create(json(200, "{\"id\":\"" + "v".repeat(10_000) + "\"}"))
                        .expect(all(api(200, "invalid_video_id", 1), boundedMessage())),
                c(area, "video id with percent-encoded dots").create(json(200, "{\"id\":\"..%2f..%2fetc\"}"))
                        .expect(api(200, "invalid_video_id", 1)),
                c(area, "9 MiB JSON body (over the 8 MiB cap)").create(response(200, "application/json", hugeJson))
                        .expect(api(200, "response_too_large", 1)),
                c(area, "1 MiB JSON with maxResponseBytes=65536").options("maxResponseBytes=65536")
                        .create(raw(chunked("application/json", 1024 * 1024)))
                        .expect(api(200, "response_too_large", 1)),
                c(area, "500 with an HTML page (no retry of a billable create)")
                        .create(response(500, "text/html", bytes(HTML))).expect(api(500, null, 1)),
                c(area, "401 whose message echoes the API key")
                        .create(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                                          + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"))
                        .expect(all(api(401, "invalid_api_key", 1), messageContains("***"))),
                c(area, "429 with Retry-After (a refused create is retried after the hint, maxRetries=1)")
                        .options("maxRetries=1").allowedCreates(2)
                        .create(response(429, "application/json", bytes("{\"error\":{\"message\":\"slow down\","
                                                                        + "\"code\":\"rate_limit_exceeded\"}}"),
                                "Retry-After: 1"))
                        .expect(api(429, "rate_limit_exceeded", 2)),
                c(area, "302 redirect of the create (never followed)")
                        .create(redirect(302, "http://127.0.0.1:" + otherPort() + "/v1/videos"))
                        .expect(all(api(302, null, 1), otherHostUntouched())),
                c(area, "connection reset before any response")
                        .create(resetAfter(new byte[0])).expect(transport(1)),
                c(area, "status line then reset").create(resetAfter(bytes("HTTP/1.1 200 OK\r\nContent-Le")))
                        .expect(transport(1)),
                c(area, "not HTTP at all").create(raw("SSH-2.0-OpenSSH_9.6\r\n")).expect(transport(1)),
                c(area, "slow drip of a JSON body (1 byte / 100 ms), requestTimeout 1 s")
                        .create(drip("application/json", bytes("{\"id\":\"video_drip\"}"), Duration.ofMillis(100)))
                        .expect(all(transport(1), within(Duration.ofSeconds(4)))),
                c(area, "silence after the request, requestTimeout 1 s").create(silent())
                        .expect(all(transport(1), within(Duration.ofSeconds(4)))));
    }

    static List<Case> statusResponses() {
        String area = "hostile status response";
        return List.of(
                // a word the profile does not know is never taken for the end of a paid job: wait to the deadline
                c(area, "unknown status 'exploded', timeout 2 s").options("timeout=2000")
                        .retrieve(status("exploded", ""))
                        .expect(all(timedOut("exploded"), within(Duration.ofSeconds(5)))),
                c(area, "unknown status 'exploded' with an error object")
                        .retrieve(status("exploded", "\"error\":{\"code\":\"boom\",\"message\":\"it broke\"}"))
                        .expect(jobFailed("failed")),
                c(area, "status missing, timeout 2 s").options("timeout=2000")
                        .retrieve(json200WithPathId("{\"id\":\"%s\",\"progress\":3}"))
                        .expect(all(timedOut("none"), within(Duration.ofSeconds(5)))),
                c(area, "status of the wrong type (object)")
                        .retrieve(json200WithPathId("{\"id\":\"%s\",\"status\":{\"x\":1}}"))
                        .expect(api(200, "invalid_response", 1)),
                c(area, "progress 'abc' (ignored: progress is only a hint), timeout 2 s").options("timeout=2000")
                        .retrieve(json200WithPathId("{\"id\":\"%s\",\"status\":\"in_progress\","
                                                    + "\"progress\":\"abc\"}"))
                        .expect(all(timedOut("in_progress"), within(Duration.ofSeconds(5)))),
                c(area, "answer about another video").retrieve(json(200, "{\"id\":\"video_other\",\"status\":"
                                                                         + "\"completed\"}"))
                        .expect(api(200, "invalid_response", 1)),
                c(area, "endless in_progress, timeout 2 s").options("timeout=2000")
                        .retrieve(status("in_progress", ""))
                        .expect(all(timedOut("in_progress"), within(Duration.ofSeconds(5)))),
                c(area, "500 for ever, timeout 2 s").options("timeout=2000")
                        .retrieve(response(500, "text/html", bytes(HTML)))
                        .expect(all(timedOut("unknown"), within(Duration.ofSeconds(5)))),
                c(area, "404 JSON error").retrieve(json(404, "{\"error\":{\"message\":\"gone\",\"code\":\"not_found\"}}"))
                        .expect(api(404, "not_found", 1)),
                c(area, "HTML page with status 200").retrieve(response(200, "text/html", bytes(HTML)))
                        .expect(api(200, "unexpected_content_type", 1)),
                c(area, "failed, error message with CRLF, ANSI and a forged log line")
                        .retrieve(status("failed", "\"error\":{\"code\":\"moderation_blocked\",\"message\":"
                                                   + "\"no\\r\\n12:00:00 INFO forged \\u001b[2J\"}"))
                        .expect(all(jobFailed("failed"), noControlCharacters())),
                c(area, "failed, 1 MB error message").retrieve(status("failed", "\"error\":{\"code\":\"x\",\"message\":\""
                                                                               + "m".repeat(1_000_000) + "\"}"))
                        .expect(all(jobFailed("failed"), boundedMessage())),
                c(area, "failed, error message echoing the API key")
                        .retrieve(status("failed", "\"error\":{\"code\":\"x\",\"message\":\"key " + KEY + "\"}"))
                        .expect(all(jobFailed("failed"), messageContains("***"))),
                c(area, "openai-poll-after-ms of 10^12, then completed (clamped to maxPollDelay)")
                        .retrieve(sequence(inProgressWithHeader("openai-poll-after-ms: 1000000000000"),
                                status("completed", "")))
                        .expect(all(success(), within(Duration.ofSeconds(3)))),
                c(area, "redirect loop on the status URL")
                        .retrieve((request, socket, out) -> redirect(302, request.path()).respond(request, socket, out))
                        .expect(api(302, "too_many_redirects", 1)),
                c(area, "status slow drip (1 byte / 100 ms), timeout 2 s").options("timeout=2000")
                        .retrieve(drip("application/json", bytes("{\"id\":\"x\"}"), Duration.ofMillis(100)))
                        .expect(all(timedOut("unknown"), within(Duration.ofSeconds(5)))));
    }

    static List<Case> contentResponses() {
        String area = "hostile content response";
        return List.of(
                c(area, "JSON error 404 from the content endpoint")
                        .content(json(404, "{\"error\":{\"message\":\"expired\",\"code\":\"video_not_found\"}}"))
                        .expect(all(api(404, "video_not_found", 1), noFile())),
                c(area, "JSON error body with status 200").content(json(200, "{\"error\":{\"message\":\"not ready\","
                                                                           + "\"code\":\"not_ready\"}}"))
                        .expect(all(api(200, "not_ready", 1), noFile())),
                c(area, "HTML page with status 200").content(response(200, "text/html", bytes(HTML)))
                        .expect(all(api(200, "unexpected_content_type", 1), noFile())),
                c(area, "random bytes labelled video/mp4").content(response(200, "video/mp4", random(50_000)))
                        .expect(all(invalidMedia(), noFile())),
                c(area, "MP4 cut in half, honest Content-Length")
                        .content(response(200, "video/mp4", java.util.Arrays.copyOf(mp4, mp4.length / 2)))
                        .expect(all(invalidMedia(), noFile())),
                c(area, "Content-Length larger than the body, then close")
                        .content(raw(concat(bytes("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: "
                                                  + (mp4.length * 2) + "\r\nConnection: close\r\n\r\n"), mp4)))
                        .expect(all(soraException(), noFile())),
                c(area, "declared body over maxDownloadBytes=10000").options("maxDownloadBytes=10000")
                        .content(response(200, "video/mp4", mp4))
                        .expect(all(api(200, "response_too_large", 1), noFile())),
                c(area, "chunked body over maxDownloadBytes=10000 (no length declared)")
                        .options("maxDownloadBytes=10000").content(raw(chunked("video/mp4", 200_000)))
                        .expect(all(api(200, "response_too_large", 1), noFile())),
                c(area, "slow drip of the MP4, downloadTimeout 2 s")
                        .content(drip("video/mp4", mp4, Duration.ofMillis(20)))
                        .expect(all(transport(1), noFile(), within(Duration.ofSeconds(5)))),
                c(area, "reset in the middle of the body")
                        .content(resetAfter(concat(bytes("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: "
                                                         + mp4.length + "\r\n\r\n"),
                                java.util.Arrays.copyOf(mp4, mp4.length / 3))))
                        .expect(all(soraException(), noFile())),
                c(area, "redirect to another host: followed without the API key")
                        .content((request, socket, out) -> redirect(302, "http://127.0.0.1:" + otherPort()
                                                                         + "/v1/videos/" + ID + "/content?signed=1")
                                .respond(request, socket, out))
                        .expect(all(success(), otherHostSawNoKey())),
                c(area, "redirect on the same origin: followed").content(sequence(
                        redirect(307, "/v1/videos/" + ID + "/content?variant=video&hop=2"),
                        response(200, "video/mp4", HostileBatteryIT.mp4())))
                        .expect(success()),
                c(area, "redirect loop on the content URL")
                        .content((request, socket, out) -> redirect(302, request.path()).respond(request, socket, out))
                        .expect(all(api(302, "too_many_redirects", 1), noFile())),
                c(area, "redirect to file:///etc/passwd").content(redirect(302, "file:///etc/passwd"))
                        .expect(all(api(302, "invalid_redirect", 1), noFile())),
                c(area, "redirect to plain http on a private address").content(redirect(302, "http://10.0.0.1/x.mp4"))
                        .expect(all(api(302, "insecure_redirect", 1), noFile())),
                c(area, "no content type, valid MP4 (accepted after the box check)")
                        .content(response(200, null, mp4())).expect(success()));
    }

    static List<Case> files() {
        String area = "files";
        return List.of(
                c(area, "target name is a symlink to a file outside the directory")
                        .fixture((c, dir) -> io(() -> {
                            Path outside = tmp.resolve("precious-" + RUN.get() + ".txt");
                            Files.writeString(outside, "precious");
                            Files.createSymbolicLink(dir.resolve(ID + ".mp4"), outside);
                        }))
                        .expect(all(success(), (r, dir, t) -> {
                            assertThat(Files.isSymbolicLink(dir.resolve(ID + ".mp4"))).isFalse();
                            assertThat(Files.readString(tmp.resolve("precious-" + RUN.get() + ".txt")))
                                    .isEqualTo("precious");
                            return "the link is replaced by the file; its target is untouched";
                        })),
                c(area, "target name is an existing directory")
                        .fixture((c, dir) -> io(() -> Files.createDirectory(dir.resolve(ID + ".mp4"))), ID + ".mp4")
                        .expect(soraException()),
                c(area, "output directory is a regular file (fails before the create)")
                        .fixture((c, dir) -> io(() -> Files.writeString(dir.resolve("not-a-dir"), "x")), "not-a-dir")
                        .options("outputDirectory=#dir/not-a-dir")
                        .expect(all(soraException(), nothingSent())),
                c(area, "the same video delivered twice replaces the file atomically")
                        .fixture((c, dir) -> io(() -> Files.writeString(dir.resolve(ID + ".mp4"), "old")))
                        .expect(all(success(), (r, dir, t) -> {
                            assertThat(Files.size(dir.resolve(ID + ".mp4"))).isEqualTo(mp4.length);
                            return "old file replaced whole";
                        })));
    }

    // ---- the run ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{index} {0}")
    @MethodSource("cases")
    void hostileCase(Case hostile) throws Exception {
        int number = RUN.incrementAndGet();
        Path dir = Files.createDirectories(tmp.resolve("case-" + number));
        hostile.fixture.accept(hostile, dir);
        server.script(hostile.create, hostile.retrieve, hostile.content != null ? hostile.content
                : response(200, "video/mp4", mp4));
        otherHost.script(json(500, "{}"), json(500, "{}"), response(200, "video/mp4", mp4));
        String options = hostile.options.contains("outputDirectory=")
                ? hostile.options.replace("#dir", dir.toString())
                : "outputDirectory=" + dir + (hostile.options.isEmpty() ? "" : "&" + hostile.options);
        long start = System.nanoTime();
        Exchange result = template.request("direct:battery", e -> {
            e.getMessage().setBody(hostile.body);
            e.getMessage().setHeaders(new LinkedHashMap<>(hostile.headers));
            e.getMessage().setHeader("SoraBatteryOptions", options);
        });
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        String outcome = hostile.expectation.check(result, dir, elapsed);

        // what holds for every case
        assertThat(server.count("POST", "/v1/videos")).as("creates sent").isLessThanOrEqualTo(hostile.allowedCreates);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no partial file").noneMatch(name -> name.endsWith(".part"));
        }
        if (result.getException() != null) {
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !hostile.fixtures.contains(n)))
                        .as("no file after a failure").isEmpty();
            }
            for (Throwable t = result.getException(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).as("no key in any message").doesNotContain(KEY);
            }
            assertThat(result.getException()).as("typed").isInstanceOf(SoraException.class);
        }
        assertThat(context.getRouteController().getRouteStatus("battery")).isEqualTo(ServiceStatus.Started);
        REPORT.put(number, "| " + number + " | " + hostile.area + " | " + hostile.name.replace("|", "\\|") + " | "
                           + outcome.replace("|", "\\|").replace("\n", " ") + " |");
    }

    @Test
    void theRouteStillWorksAfterTheBattery() throws Exception {
        server.script(json(200, "{\"id\":\"video_after\",\"status\":\"queued\"}"), status("completed", ""),
                response(200, "video/mp4", mp4));
        Path dir = Files.createDirectories(tmp.resolve("after"));
        Exchange result = template.request("direct:battery", e -> {
            e.getMessage().setBody("after all that");
            e.getMessage().setHeader("SoraBatteryOptions", "outputDirectory=" + dir);
        });
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(File.class)).hasSize(mp4.length);
    }

    // ---- expectations -------------------------------------------------------------------------------------------

    static Expectation invalid(String param) {
        return (r, dir, t) -> {
            assertThat(r.getException()).isInstanceOf(SoraValidationException.class);
            assertThat(((SoraValidationException) r.getException()).getParam()).isEqualTo(param);
            assertThat(server.requests()).as("nothing sent, nothing billed").isEmpty();
            return "SoraValidationException, param=" + param + ", nothing sent";
        };
    }

    static Case u(String area, String name, String prompt) {
        return c(area, name).body(prompt).expect(all(exactPrompt(prompt), success()));
    }

    static Expectation exactPrompt(String prompt) {
        return (r, dir, t) -> {
            assertThat(r.getException()).isNull();
            String sent = JSON.readTree(server.requests().get(0).body()).get("prompt").asText();
            assertThat(sent).isEqualTo(prompt);
            return "sent unchanged (" + sent.codePointCount(0, sent.length()) + " code points)";
        };
    }

    static Expectation success() {
        return (r, dir, t) -> {
            assertThat(r.getException()).isNull();
            File file = r.getMessage().getBody(File.class);
            assertThat(file.toPath()).isEqualTo(dir.toAbsolutePath().normalize().resolve(ID + ".mp4"));
            assertThat(Files.readAllBytes(file.toPath())).isEqualTo(mp4);
            return "video saved";
        };
    }

    static Expectation api(int status, String code, int creates) {
        return (r, dir, t) -> {
            assertThat(r.getException()).isInstanceOf(SoraApiException.class);
            SoraApiException e = (SoraApiException) r.getException();
            assertThat(e.getStatusCode()).isEqualTo(status);
            if (code != null) {
                assertThat(e.getErrorCode()).isEqualTo(code);
            }
            assertThat(server.count("POST", "/v1/videos")).isEqualTo(creates);
            return "SoraApiException, HTTP " + status + (code == null ? "" : ", code=" + code);
        };
    }

    static Expectation jobFailed(String status) {
        return (r, dir, t) -> {
            assertThat(r.getException()).isInstanceOf(SoraJobFailedException.class);
            SoraJobFailedException e = (SoraJobFailedException) r.getException();
            assertThat(e.getVideoId()).isEqualTo(ID);
            assertThat(e.getStatus()).isEqualTo(status);
            return "SoraJobFailedException, status=" + status + ", videoId set";
        };
    }

    static Expectation timedOut(String lastStatus) {
        return (r, dir, t) -> {
            assertThat(r.getException()).isInstanceOf(SoraTimeoutException.class);
            SoraTimeoutException e = (SoraTimeoutException) r.getException();
            assertThat(e.getVideoId()).isEqualTo(ID);
            assertThat(e.getLastStatus()).isEqualTo(lastStatus);
            assertThat(server.count("POST", "/v1/videos")).isEqualTo(1);
            return "SoraTimeoutException, videoId set, not re-submitted";
        };
    }

    static Expectation transport(int creates) {
        return (r, dir, t) -> {
            assertThat(r.getException()).isExactlyInstanceOf(io.github.camelsora.api.SoraTransportException.class);
            assertThat(r.getException().getCause()).isNotNull();
            assertThat(server.count("POST", "/v1/videos")).isEqualTo(creates);
            return "SoraTransportException (" + r.getException().getCause().getClass().getSimpleName() + ")";
        };
    }

    static Expectation soraException() {
        return (r, dir, t) -> {
            assertThat(r.getException()).isInstanceOf(SoraException.class);
            return r.getException().getClass().getSimpleName();
        };
    }

    static Expectation invalidMedia() {
        return (r, dir, t) -> {
            assertThat(r.getException()).isExactlyInstanceOf(SoraException.class)
                    .hasMessageContaining("is not a valid MP4");
            assertThat(((SoraException) r.getException()).getVideoId()).isEqualTo(ID);
            return "SoraException: not a valid MP4, videoId set";
        };
    }

    static Expectation noFile() {
        return (r, dir, t) -> {
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).isEmpty();
            }
            return "no file";
        };
    }

    static Expectation nothingSent() {
        return (r, dir, t) -> {
            assertThat(server.requests()).isEmpty();
            return "nothing sent";
        };
    }

    static Expectation within(Duration limit) {
        return (r, dir, t) -> {
            assertThat(t).isLessThan(limit);
            return "ended within " + limit.toSeconds() + " s";
        };
    }

    static Expectation noControlCharacters() {
        return (r, dir, t) -> {
            assertThat(r.getException().getMessage()).doesNotContain("\r", "\n", "\u001b");
            return "message free of control characters";
        };
    }

    static Expectation boundedMessage() {
        return (r, dir, t) -> {
            assertThat(r.getException().getMessage().length()).isLessThan(2_000);
            return "message bounded (" + r.getException().getMessage().length() + " chars)";
        };
    }

    static Expectation messageContains(String text) {
        return (r, dir, t) -> {
            assertThat(r.getException().getMessage()).contains(text);
            return "key replaced by " + text;
        };
    }

    static Expectation otherHostUntouched() {
        return (r, dir, t) -> {
            assertThat(otherHost.requests()).isEmpty();
            return "redirect not followed";
        };
    }

    static Expectation otherHostSawNoKey() {
        return (r, dir, t) -> {
            assertThat(otherHost.requests()).hasSize(1);
            assertThat(otherHost.requests().get(0).headers()).doesNotContainKey("authorization");
            assertThat(otherHost.requests().get(0).toString()).doesNotContain(KEY);
            assertThat(server.requests().stream().filter(q -> q.path().startsWith("/v1/videos"))
                    .allMatch(q -> ("Bearer " + KEY).equals(q.headers().get("authorization")))).isTrue();
            return "other host got no Authorization header";
        };
    }

    static Expectation all(Expectation... expectations) {
        return (r, dir, t) -> {
            List<String> parts = new ArrayList<>();
            for (Expectation e : expectations) {
                parts.add(e.check(r, dir, t));
            }
            return String.join("; ", parts);
        };
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static byte[] mp4() {
        return mp4;
    }

    static int otherPort() {
        return otherHost.port();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(42).nextBytes(bytes);
        return bytes;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A chunked 200 response of {@code total} bytes, with no length declared up front. */
    static byte[] chunked(String contentType, int total) {
        StringBuilder out = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: " + contentType
                                              + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        String chunk = "a".repeat(8192);
        for (int sent = 0; sent < total; sent += chunk.length()) {
            out.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        out.append("0\r\n\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static Responder json200WithPathId(String template) {
        return (request, socket, out) -> json(200, String.format(template, request.videoId()))
                .respond(request, socket, out);
    }

    static Responder inProgressWithHeader(String header) {
        return (request, socket, out) -> response(200, "application/json",
                bytes("{\"id\":\"" + request.videoId() + "\",\"status\":\"in_progress\",\"progress\":10}"), header)
                .respond(request, socket, out);
    }

    interface IoAction {
        void run() throws IOException;
    }

    static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
