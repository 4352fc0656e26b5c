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

    ApiExchange(HttpExchange http) {
        this.http = http;
        this.requestId = "req_" + randomHex();
        http.getResponseHeaders().set("x-request-id", requestId);
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
        return http.getRequestURI().getRawPath();
    }

    String requestHeader(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    boolean hasResponded() {
        return responded;
    }

    /** Decoded query parameters; for a repeated name the last value wins. */
    Map<String, String> query() {
        Map<String, String> params = new HashMap<>();
        String raw = http.getRequestURI().getRawQuery();
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

    byte[] readBody() throws IOException, ApiException {
        try (InputStream in = http.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new ApiException(413, ApiException.INVALID_REQUEST,
                        "Request body too large: the simulator accepts at most " + MAX_BODY_BYTES + " bytes.",
                        null, "request_too_large", null);
            }
            return body;
        }
    }

    void sendJson(int status, JsonNode body) throws IOException {
        sendBytes(status, "application/json", Json.MAPPER.writeValueAsBytes(body));
    }

    void sendJson(int status, JsonNode body, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> http.getResponseHeaders().set(name, value));
        sendJson(status, body);
    }

    void sendError(ApiException error) throws IOException {
        sendJson(error.status(), Json.error(error), error.headers());
    }

    void sendBytes(int status, String contentType, byte[] body) throws IOException {
        http.getResponseHeaders().set("Content-Type", contentType);
        responded = true;
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Streams an already opened file with its exact Content-Length, so a large video never sits in memory.
     * Taking an open channel (not a path) means a cache eviction after opening cannot cut the download short.
     */
    void sendFile(String contentType, FileChannel file) throws IOException {
        long length = file.size();
        http.getResponseHeaders().set("Content-Type", contentType);
        responded = true;
        http.sendResponseHeaders(200, length == 0 ? -1 : length);
        try (OutputStream out = http.getResponseBody()) {
            Channels.newInputStream(file).transferTo(out);
        }
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
