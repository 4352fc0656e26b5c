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

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** One HTTP exchange with the helpers every handler needs: query, body, JSON/binary answers, request id. */
final class ApiExchange {

    /** Large enough for a 1080p PNG reference image, small enough to keep a stray upload from filling the heap. */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private final HttpExchange http;
    private final String requestId;
    private boolean responded;
    private boolean opaqueIds;
    private byte[] requestBody = new byte[0];
    private int status;
    private String responseContentType;
    private byte[] responseBody;
    private long responseLength;
    private boolean dropResponse;
    private double truncateFraction = 1.0;
    /** The URL a proxy was asked to reach ({@code X-Fal-Target-Url}), which then stands for the request's. */
    private java.net.URI target;

    ApiExchange(HttpExchange http) {
        this.http = http;
        this.requestId = "req_" + randomHex();
        http.getResponseHeaders().set("x-request-id", requestId);
    }

    /** LiteLLM dialect: every id in a JSON answer is rewritten into an opaque token. */
    void useOpaqueIds() {
        this.opaqueIds = true;
    }

    /** What was received and answered, for {@link ExchangeRecorder}; credentials are redacted. */
    RecordedExchange recorded() {
        Map<String, String> headers = new java.util.TreeMap<>();
        http.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            boolean secret = lower.equals("authorization") || lower.equals("api-key")
                             || lower.equals("x-goog-api-key");
            headers.put(lower, secret ? "<redacted>" : values.get(0));
        });
        return new RecordedExchange(method(), rawPath(), http.getRequestURI().getRawQuery(), headers, requestBody, status,
                responseContentType, responseBody, responseLength);
    }

    /** 32 lower-case hex characters (128 random bits), as in real ids. */
    static String randomHex() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }

    String requestId() {
        return requestId;
    }

    String method() {
        return http.getRequestMethod();
    }

    String rawPath() {
        return (target != null ? target : http.getRequestURI()).getRawPath();
    }

    /** Serve the request as if it had been sent to {@code uri} (a proxy's target URL). */
    void retarget(java.net.URI uri) {
        this.target = uri;
    }

    String requestHeader(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    boolean hasResponded() {
        return responded;
    }

    /** Fault: whatever the handler answers is not sent; the connection is closed without a response. */
    void dropResponse() {
        dropResponse = true;
        responded = true;
    }

    /** Fault: send the full Content-Length but only this fraction of the body, then close the connection. */
    void truncateBody(double fraction) {
        truncateFraction = Math.max(0, Math.min(1, fraction));
    }

    /** Decoded query parameters; for a repeated name the last value wins. */
    Map<String, String> query() {
        Map<String, String> params = new HashMap<>();
        String raw = (target != null ? target : http.getRequestURI()).getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(decode(name), decode(value));
        }
        return params;
    }

    /** The body read by {@link #readBody()} (empty before). */
    byte[] recordedBody() {
        return requestBody;
    }

    byte[] readBody() throws IOException, ApiException {
        try (InputStream in = http.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            requestBody = body;
            if (body.length > MAX_BODY_BYTES) {
                throw new ApiException(413, ApiException.INVALID_REQUEST,
                        "Request body too large: the simulator accepts at most " + MAX_BODY_BYTES + " bytes.",
                        null, "request_too_large", null);
            }
            return body;
        }
    }

    void sendJson(int status, JsonNode body) throws IOException {
        if (opaqueIds) {
            rewriteIds(body);
        }
        sendBytes(status, "application/json", Json.MAPPER.writeValueAsBytes(body));
    }

    void sendJson(int status, JsonNode body, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> http.getResponseHeaders().set(name, value));
        sendJson(status, body);
    }

    void sendError(ApiException error) throws IOException {
        sendJson(error.status(), Json.error(error), error.headers());
    }

    /**
     * An error in the dialect's shape: FastAPI's {@code {"detail": "..."}} for SGLang, OpenRouter's
     * {@code {"error": {"code": 400, "message": "..."}}}, else OpenAI's.
     */
    void sendError(ApiException error, Dialect dialect) throws IOException {
        if (dialect == Dialect.SGLANG) {
            sendJson(error.status(), Json.MAPPER.createObjectNode().put("detail", error.getMessage()), error.headers());
        } else if (dialect == Dialect.OPENROUTER) {
            com.fasterxml.jackson.databind.node.ObjectNode root = Json.MAPPER.createObjectNode();
            root.putObject("error").put("code", error.status()).put("message", error.getMessage());
            sendJson(error.status(), root, error.headers());
        } else {
            sendError(error);
        }
    }

    private static void rewriteIds(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            for (String field : java.util.List.of("id", "remixed_from_video_id", "first_id", "last_id")) {
                JsonNode value = object.get(field);
                if (value != null && value.isTextual()) {
                    object.put(field, OpaqueIds.encode(value.asText()));
                }
            }
            object.properties().forEach(entry -> rewriteIds(entry.getValue()));
        } else if (node != null && node.isArray()) {
            node.forEach(ApiExchange::rewriteIds);
        }
    }

    void sendBytes(int status, String contentType, byte[] body) throws IOException {
        if (dropResponse) {
            return;
        }
        http.getResponseHeaders().set("Content-Type", contentType);
        responded = true;
        this.status = status;
        this.responseContentType = contentType;
        this.responseBody = body;
        this.responseLength = body.length;
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (truncateFraction < 1.0) {
            sendTruncated(body, (int) (body.length * truncateFraction));
            return;
        }
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Streams an already opened file with its exact Content-Length, so a large video never sits in memory.
     * Taking an open channel (not a path) means a cache eviction after opening cannot cut the download short.
     */
    void sendFile(String contentType, FileChannel file) throws IOException {
        if (dropResponse) {
            return;
        }
        long length = file.size();
        http.getResponseHeaders().set("Content-Type", contentType);
        responded = true;
        this.status = 200;
        this.responseContentType = contentType;
        this.responseLength = length;
        http.sendResponseHeaders(200, length == 0 ? -1 : length);
        if (truncateFraction < 1.0) {
            byte[] head = Channels.newInputStream(file).readNBytes(
                    (int) Math.min(Integer.MAX_VALUE, (long) (length * truncateFraction)));
            sendTruncated(head, head.length);
            return;
        }
        try (OutputStream out = http.getResponseBody()) {
            Channels.newInputStream(file).transferTo(out);
        }
    }

    /**
     * Writes part of a body and leaves the stream open: when the exchange is then closed with bytes still owed to
     * the Content-Length, the JDK server closes the connection, which is what the client should see.
     */
    private void sendTruncated(byte[] body, int bytes) throws IOException {
        OutputStream out = http.getResponseBody();
        out.write(body, 0, bytes);
        out.flush();
    }

    void setHeader(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return text; // keep the raw text so validation can name the bad value
        }
    }
}
