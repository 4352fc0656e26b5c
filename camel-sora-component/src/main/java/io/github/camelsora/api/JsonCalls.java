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
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hc.core5.http.ContentType;

/**
 * What the JSON job APIs of the model marketplaces (fal, Replicate, BytePlus ModelArk) share: one request with this
 * server's credential through the shared {@link HttpTransport}, the JSON answer or a typed error (the credential
 * scrubbed from any body), the neutral options mapped to the fields such models take, and a result that lives at a
 * URL on another host, streamed under the safe-fetch rules. One attempt per call: the policy gateway repeats.
 */
final class JsonCalls {

    /** A 2xx JSON answer. */
    record Reply(JsonNode json, String requestId, Duration pollAfter) {
        <T> ApiResponse<T> with(T value) {
            return new ApiResponse<>(value, requestId, pollAfter);
        }
    }

    private final ClientSettings settings;
    private final HttpTransport http;
    private final HttpTransport.Auth auth;
    private final String secretToken;

    JsonCalls(ClientSettings settings, HttpTransport http) {
        this.settings = settings;
        this.http = http;
        this.auth = settings.authValue() == null ? null
                : new HttpTransport.Auth(settings.authHeader(), settings.authValue(), URI.create(settings.baseUrl()));
        this.secretToken = VideosClient.secretToken(settings.authValue());
    }

    String baseUrl() {
        return settings.baseUrl();
    }

    /** {@code baseUrl + path} as a URI (path and query already encoded). */
    URI uri(String path) {
        return URI.create(settings.baseUrl() + path);
    }

    CompletableFuture<Reply> send(String method, URI uri, JsonNode body, String operation, String videoId,
                                  Deadline deadline) {
        byte[] bytes = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
        return http.execute(new HttpTransport.Request(method, uri, bytes, body == null ? null
                                : ContentType.APPLICATION_JSON, "application/json", auth,
                                settings.transport().allowInsecureHttp()),
                        () -> new BufferedResponseConsumer(settings.transport().maxResponseBytes()), operation, videoId,
                        settings.responseTimeout(), deadline)
                .thenApply(response -> parse(response, operation, videoId));
    }

    private Reply parse(BufferedResponseConsumer.Result response, String operation, String videoId) {
        byte[] body = redact(response.body());
        String mime = response.contentType();
        int status = response.status();
        JsonNode json = null;
        if (body != null && body.length > 0 && (mime == null || mime.contains("json"))) {
            try {
                json = Json.MAPPER.readTree(body);
            } catch (IOException e) {
                json = null;
            }
        }
        if (status < 200 || status >= 300) {
            throw new SoraApiException(operation, status, error(json, status), response.requestId(), videoId,
                    response.retryAfter());
        }
        if ((body == null || body.length == 0) && status != 200) {
            json = Json.MAPPER.createObjectNode(); // 202/204 without a body (a cancel, a delete)
        }
        if (json == null || !json.isObject()) {
            throw new SoraApiException(operation, status, new ApiError("expected a JSON object but the server sent "
                                                                       + (mime == null ? "no content type" : mime),
                    null, null, "invalid_response"), response.requestId(), videoId);
        }
        return new Reply(json, response.requestId(), null);
    }

    /**
     * The error of an answer, in the shapes these APIs use: {@code {"error":{"code","message"}}} (ModelArk),
     * {@code {"detail": "..." | [..]}} (fal, Replicate), {@code {"title","detail"}} (Replicate's problem details).
     */
    static ApiError error(JsonNode json, int status) {
        if (json == null || !json.isObject()) {
            return new ApiError("HTTP " + status, null, null, null);
        }
        JsonNode error = json.path("error");
        if (error.isObject()) {
            return new ApiError(text(error, "message"), text(error, "type"), text(error, "param"),
                    text(error, "code"));
        }
        String message = error.isTextual() ? error.asText() : null;
        JsonNode detail = json.path("detail");
        if (message == null && detail.isTextual()) {
            message = detail.asText();
        } else if (message == null && !detail.isMissingNode() && !detail.isNull()) {
            message = ServerText.clean(detail.toString());
        }
        if (message == null) {
            message = text(json, "title");
        }
        return new ApiError(message == null ? "HTTP " + status : message, text(json, "type"), null,
                text(json, "error_type"));
    }

    /**
     * Streams a result URL on another host into {@code file} under the safe-fetch rules (no credential). Result URLs
     * are often signed (the query is a short-lived credential): failures name the URL without its query.
     */
    CompletableFuture<Download> downloadResult(String url, Path file, String operation, String videoId,
                                              Deadline deadline) {
        return http.download(url, settings.transport().resultFetchPolicy(), file, deadline)
                .exceptionallyCompose(error -> {
                    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause()
                                                                                                   != null
                            ? error.getCause() : error;
                    if (cause instanceof SoraFetchException fetch) {
                        if (fetch.getStatusCode() > 0) {
                            // an answer of the result's host: status and reason as for the provider's own routes, so
                            // the engine's one expiry rule (a 404/410 a fresh read explains) and the retries apply
                            return CompletableFuture.failedFuture(new SoraApiException(operation,
                                    fetch.getStatusCode(), new ApiError(fetch.getMessage(), null, null,
                                            "result_" + fetch.getReason()), null, videoId));
                        }
                        return CompletableFuture.failedFuture(fetch.forVideo(videoId));
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    private byte[] redact(byte[] body) {
        if (secretToken == null || body == null || body.length < secretToken.length()) {
            return body;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.contains(secretToken) ? text.replace(secretToken, "***").getBytes(StandardCharsets.UTF_8) : body;
    }

    // ---- neutral options -> the fields such models take ----

    /**
     * The model input: the prompt, then the neutral fields the model's schema names (given by {@code fields}:
     * neutral name -> the model's field, value), then the provider options (the model's own fields from the route)
     * over them; a field set to {@code null} there is left out.
     */
    static ObjectNode input(VideoRequest request, Map<String, Object> mapped) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        mapped.forEach((field, value) -> {
            if (value != null) {
                node.set(field, Json.MAPPER.valueToTree(value));
            }
        });
        request.options().providerOptions().forEach((field, value) -> {
            if (value == null) {
                node.remove(field);
            } else {
                node.set(field, Json.MAPPER.valueToTree(value));
            }
        });
        return node;
    }

    /**
     * The neutral provider parameters ({@code negativePrompt}, {@code seed}, {@code generateAudio}, ...) under the
     * model's field names given by {@code names}; one the provider has no field for is refused before anything is sent.
     */
    static void parameters(VideoRequest request, Map<String, Object> mapped, Map<String, String> names,
                           String provider) {
        for (Map.Entry<String, Object> parameter : request.parameters().entrySet()) {
            String field = names.get(parameter.getKey());
            if (field == null) {
                throw new SoraValidationException(parameter.getKey(), "provider " + provider + " has no '"
                                                                      + parameter.getKey() + "'; pass a model field"
                                                                      + " of its own through providerOptions");
            }
            mapped.put(field, parameter.getValue());
        }
    }

    /** Characters (Sora's reusable cameos) exist on no model marketplace: refused before anything is sent. */
    static SoraValidationException noCharacters(String provider) {
        return new SoraValidationException("characters", "provider " + provider + " has no characters; leave"
                + " CamelSoraCharacters unset");
    }

    /** {@code 1280x720} -> {@code 16:9}; null when the size is not {@code WxH}. */
    static String aspectRatio(String size) {
        int[] wh = dimensions(size);
        if (wh == null) {
            return null;
        }
        int gcd = BigInteger.valueOf(wh[0]).gcd(BigInteger.valueOf(wh[1])).intValue();
        String exact = wh[0] / gcd + ":" + wh[1] / gcd;
        if (COMMON_RATIOS.contains(exact)) {
            return exact;
        }
        // 1792x1024 is 7:4, which no model takes: the nearest ratio such models do take
        double ratio = Math.log((double) wh[0] / wh[1]);
        String nearest = null;
        double best = Double.MAX_VALUE;
        for (String candidate : COMMON_RATIOS) {
            String[] parts = candidate.split(":");
            double distance = Math.abs(ratio - Math.log(Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])));
            if (distance < best) {
                best = distance;
                nearest = candidate;
            }
        }
        return nearest;
    }

    /** The aspect ratios the marketplaces' video models take (fal, Replicate, ModelArk model schemas). */
    private static final java.util.List<String> COMMON_RATIOS = java.util.List.of("16:9", "9:16", "1:1", "4:3",
            "3:4", "21:9", "3:2", "2:3");

    /** {@code 1280x720} -> {@code 720p} (the shorter side). */
    static String resolution(String size) {
        int[] wh = dimensions(size);
        return wh == null ? null : Math.min(wh[0], wh[1]) + "p";
    }

    private static int[] dimensions(String size) {
        if (size == null) {
            return null;
        }
        int x = size.indexOf('x');
        try {
            return x <= 0 ? null : new int[] { Integer.parseInt(size.substring(0, x)),
                    Integer.parseInt(size.substring(x + 1)) };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer seconds(String seconds) {
        try {
            return seconds == null ? null : Integer.valueOf(seconds.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The image a model starts from, as a URL it can read: an https URL as is, uploaded bytes as a data URI. */
    static String imageUrl(InputReference reference) {
        if (reference == null) {
            return null;
        }
        if (reference instanceof InputReference.ImageUrl url) {
            return url.imageUrl();
        }
        if (reference instanceof InputReference.Upload upload) {
            return "data:" + upload.contentType() + ";base64," + Base64.getEncoder().encodeToString(upload.bytes());
        }
        throw new SoraValidationException("inputReference", "this provider takes an image URL or image bytes, not a"
                                                            + " file id");
    }

    private static final java.util.Set<String> UNKNOWN_STATUSES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A status word this version does not know is not a failure of a paid job: the job is taken as still running
     * (the wait goes on to its deadline), and the word is logged once.
     */
    static String unknownStatus(String provider, String status) {
        if (status != null && UNKNOWN_STATUSES.add(provider + ":" + status)) {
            org.slf4j.LoggerFactory.getLogger(JsonCalls.class).warn("{} answered the job status '{}', which this"
                    + " version does not know: the job is taken as still running", provider,
                    ServerText.clean(status));
        }
        return "in_progress";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** Unix seconds from a number or an ISO-8601 instant; null otherwise. */
    static Long epochSeconds(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.canConvertToLong() && value.isNumber()) {
            return value.asLong();
        }
        try {
            return Instant.parse(value.asText()).getEpochSecond();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
