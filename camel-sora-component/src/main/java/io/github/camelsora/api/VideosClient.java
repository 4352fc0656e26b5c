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
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.http.ContentType;

/**
 * The {@code /videos} job protocol (OpenAI's, and the gateways that speak it): the first implementation of the
 * {@link VideoProvider} seam, one method per HTTP endpoint, each returning at once with a {@link CompletableFuture}
 * completed on an I/O thread. It holds no thread and no connection of its own: requests go through the shared
 * {@link HttpTransport}, with this server's credential attached per request. Nothing here retries: a create is
 * billable, so whether to repeat anything is the policy gateway's decision.
 */
public final class VideosClient implements VideoProvider, AutoCloseable {

    /** The {@code openai-videos} protocol family. */
    public static final class Factory implements VideoProviderFactory {
        @Override
        public String protocol() {
            return "openai-videos";
        }

        @Override
        public VideoProvider create(ProviderProfile profile, ClientSettings settings, HttpTransport transport) {
            return new VideosClient(settings, transport, profile, false);
        }
    }

    private final ClientSettings settings;
    private final TransportSettings transport;
    private final HttpTransport http;
    private final boolean ownsTransport;
    private final ProviderProfile profile;
    private final HttpTransport.Auth auth;
    private final String secretToken;

    /** A client with a transport of its own (closed with it), for use outside the component. */
    public VideosClient(ClientSettings settings) {
        this(settings, HttpTransport.standalone(HttpTransport.Key.of(settings.transport(), settings.connectTimeout(),
                settings.maxConnections())), ProviderProfile.named("custom"), true);
    }

    VideosClient(ClientSettings settings, HttpTransport http, ProviderProfile profile, boolean ownsTransport) {
        this.settings = settings;
        this.transport = settings.transport();
        this.http = http;
        this.ownsTransport = ownsTransport;
        this.profile = profile;
        this.auth = settings.authValue() == null ? null
                : new HttpTransport.Auth(settings.authHeader(), settings.authValue(), URI.create(settings.baseUrl()));
        this.secretToken = secretToken(settings.authValue());
    }

    @Override
    public ProviderProfile profile() {
        return profile;
    }

    @Override
    public String server() {
        return profile.name() + " " + settings.baseUrl();
    }

    public ClientSettings settings() {
        return settings;
    }

    /** {@code POST /videos} as JSON, without a deadline of its own. Billable: never call it twice for one job. */
    public CompletableFuture<ApiResponse<Video>> create(VideoRequest request) {
        return create(request, null, List.of(), Deadline.NONE);
    }

    /**
     * {@code POST /videos}. Billable: never call it twice for one job. Uploaded image bytes go as multipart (a file
     * part with file name and content type); everything else, including a {@code file_id} or {@code image_url}
     * reference and {@code characters}, as JSON.
     */
    @Override
    public CompletableFuture<ApiResponse<Video>> create(VideoRequest request, InputReference reference,
            List<String> characterIds, Deadline deadline) {
        List<String> characters = characterIds == null ? List.of() : characterIds;
        if (!request.parameters().isEmpty()) {
            String name = request.parameters().keySet().iterator().next();
            return CompletableFuture.failedFuture(new SoraValidationException(name, "provider " + profile.name()
                    + " speaks the Videos protocol, which has no '" + name + "'"));
        }
        if (reference instanceof InputReference.Upload upload) {
            MultipartBody multipart = new MultipartBody()
                    .field("prompt", request.prompt())
                    .field("model", request.model())
                    .field("seconds", request.seconds())
                    .field("size", request.size());
            for (int i = 0; i < characters.size(); i++) {
                multipart.field("characters[" + i + "][id]", characters.get(i));
            }
            multipart.file("input_reference", upload.filename(), upload.contentType(), upload.bytes());
            return postMultipart("/videos", multipart, "create video", null, Video.class, deadline);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", request.prompt());
        body.put("model", request.model());
        body.put("seconds", request.seconds());
        body.put("size", request.size());
        if (reference instanceof InputReference.FileId fileId) {
            body.put("input_reference", Map.of("file_id", fileId.fileId()));
        } else if (reference instanceof InputReference.ImageUrl imageUrl) {
            body.put("input_reference", Map.of("image_url", imageUrl.imageUrl()));
        }
        if (!characters.isEmpty()) {
            body.put("characters", characters.stream().map(id -> Map.of("id", id)).toList());
        }
        return postJson("/videos", body, "create video", null, Video.class, deadline);
    }

    /** {@code GET /videos?after=&limit=&order=}: one page; null parameters are left out. */
    @Override
    public CompletableFuture<ApiResponse<VideoList>> list(String after, Integer limit, String order,
                                                          Deadline deadline) {
        StringBuilder query = new StringBuilder();
        appendQuery(query, "after", after);
        appendQuery(query, "limit", limit == null ? null : limit.toString());
        appendQuery(query, "order", order);
        return send("GET", "/videos" + query, null, "list videos", null, VideoList.class, deadline);
    }

    /** {@code DELETE /videos/{id}}: the job and its assets are gone afterwards. */
    @Override
    public CompletableFuture<ApiResponse<DeletedVideo>> delete(String videoId, Deadline deadline) {
        return send("DELETE", "/videos/" + encode(videoId), null, "delete video", videoId, DeletedVideo.class,
                deadline);
    }

    /** {@code POST /videos/{id}/remix} as JSON: a new billable job from a completed one and a new prompt. */
    @Override
    public CompletableFuture<ApiResponse<Video>> remix(String videoId, String prompt, Deadline deadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", prompt);
        return postJson("/videos/" + encode(videoId) + "/remix", body, "remix video", videoId, Video.class, deadline);
    }

    /** {@code POST /videos/edits} as JSON ({@code video: {id}}): a new billable job, a targeted change. */
    @Override
    public CompletableFuture<ApiResponse<Video>> edit(String videoId, String prompt, Deadline deadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("video", Map.of("id", videoId));
        body.put("prompt", prompt);
        return postJson("/videos/edits", body, "edit video", videoId, Video.class, deadline);
    }

    /**
     * {@code POST /videos/extensions} as JSON: a new billable job continuing a completed video by {@code seconds};
     * the new video is the stitched whole.
     */
    @Override
    public CompletableFuture<ApiResponse<Video>> extend(String videoId, String prompt, String seconds,
                                                        Deadline deadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("video", Map.of("id", videoId));
        body.put("prompt", prompt);
        body.put("seconds", seconds);
        return postJson("/videos/extensions", body, "extend video", videoId, Video.class, deadline);
    }

    /** {@code POST /videos/characters} as multipart: a {@code video} file part (MP4) and a {@code name}. */
    @Override
    public CompletableFuture<ApiResponse<VideoCharacter>> createCharacter(String name, byte[] mp4, String filename,
                                                                          Deadline deadline) {
        MultipartBody multipart = new MultipartBody()
                .file("video", filename, "video/mp4", mp4)
                .field("name", name);
        return postMultipart("/videos/characters", multipart, "create character", null, VideoCharacter.class,
                deadline);
    }

    /** {@code GET /videos/characters/{id}}. */
    @Override
    public CompletableFuture<ApiResponse<VideoCharacter>> getCharacter(String characterId, Deadline deadline) {
        return send("GET", "/videos/characters/" + encode(characterId), null, "get character", null,
                VideoCharacter.class, deadline);
    }

    private <T> CompletableFuture<ApiResponse<T>> postJson(String path, Object body, String operation,
            String videoId, Class<T> type, Deadline deadline) {
        return withNewVideoId(send("POST", path, new Body(toJson(body).getBytes(StandardCharsets.UTF_8),
                ContentType.APPLICATION_JSON), operation, videoId, type, deadline), operation);
    }

    private <T> CompletableFuture<ApiResponse<T>> postMultipart(String path, MultipartBody multipart,
            String operation, String videoId, Class<T> type, Deadline deadline) {
        ContentType contentType = ContentType.parse(multipart.contentType());
        return withNewVideoId(send("POST", path, new Body(multipart.build(), contentType), operation, videoId, type,
                deadline), operation);
    }

    /** A POST that makes a video (create, remix, edit, extend) must answer with the new job's id. */
    private static <T> CompletableFuture<ApiResponse<T>> withNewVideoId(
            CompletableFuture<ApiResponse<T>> answer, String operation) {
        return answer.thenApply(response -> {
            if (response.value() instanceof Video video && (video.id() == null || video.id().isBlank())) {
                throw new SoraApiException(operation, 200, new ApiError(
                        "the response has no video id", null, null, "invalid_response"), response.requestId(), null);
            }
            return response;
        });
    }

    private static void appendQuery(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(query.length() == 0 ? '?' : '&').append(name).append('=').append(encode(value));
        }
    }

    /** {@code GET /videos/{id}}; the answer must be about that very video. */
    @Override
    public CompletableFuture<ApiResponse<Video>> retrieve(String videoId, Deadline deadline) {
        return send("GET", "/videos/" + encode(videoId), null, "retrieve video", videoId, Video.class, deadline)
                .thenApply(response -> {
                    if (!videoId.equals(response.value().id())) {
                        throw new SoraApiException("retrieve video", 200, new ApiError(
                                "the response describes video '" + response.value().id()
                                + "', not the one asked for", null, null, "invalid_response"),
                                response.requestId(), videoId);
                    }
                    return response;
                });
    }

    /**
     * {@code GET /videos/{id}/content?variant=...}, streamed into {@code file} as it arrives. The future fails with
     * {@link SoraApiException} on an HTTP error, on a JSON/text body where media was expected, on a body shorter
     * than its declared length or longer than {@code maxDownloadBytes}; in every failure case {@code file} is
     * deleted. The whole download must finish within {@code downloadTimeout} and {@code deadline}.
     */
    @Override
    public CompletableFuture<Download> download(String videoId, String variant, Path file, Deadline deadline) {
        URI uri = URI.create(settings.baseUrl() + "/videos/" + encode(videoId) + "/content?variant="
                             + encode(variant));
        String operation = "download " + variant;
        CompletableFuture<Download> result = new CompletableFuture<>();
        http.execute(new HttpTransport.Request("GET", uri, null, null, "*/*", auth, transport.allowInsecureHttp()),
                () -> new FileResponseConsumer(file, transport.maxDownloadBytes()), operation, videoId,
                transport.downloadTimeout(), deadline)
                .whenComplete((r, error) -> {
                    try {
                        if (error != null) {
                            throw error instanceof RuntimeException re ? re : new SoraException(
                                    operation + " failed: " + error, videoId, error);
                        }
                        result.complete(checkDownload(r, operation, videoId, file));
                    } catch (RuntimeException e) {
                        FileResponseConsumer.deleteQuietly(file);
                        result.completeExceptionally(e);
                    }
                });
        return result;
    }

    private Download checkDownload(FileResponseConsumer.Result r, String operation, String videoId, Path file) {
        if (r.error() != null) {
            ApiError error = parseError(redact(r.error()), r.contentType());
            if (error == null && r.status() >= 200 && r.status() < 300) {
                error = new ApiError("expected media but the server sent " + r.contentType(), null, null,
                        "unexpected_content_type");
            }
            throw new SoraApiException(operation, r.status(), error, r.requestId(), videoId, r.retryAfter());
        }
        if (r.declaredLength() != null && r.declaredLength() != r.bytes()) {
            throw new SoraApiException(operation, r.status(), new ApiError("the body ended after " + r.bytes()
                                                                           + " of " + r.declaredLength() + " bytes",
                    null, null, "truncated_body"), r.requestId(), videoId);
        }
        return new Download(file, r.bytes(), r.contentType(), r.requestId());
    }

    /**
     * Sends a request to {@code baseUrl + path} and parses the JSON answer into {@code type}; the body must fit
     * {@code maxResponseBytes} and the exchange must end within the response timeout and {@code deadline}.
     */
    private <T> CompletableFuture<ApiResponse<T>> send(String method, String path, Body body, String operation,
            String videoId, Class<T> type, Deadline deadline) {
        URI uri;
        try {
            uri = new URI(settings.baseUrl() + path);
        } catch (URISyntaxException e) {
            return CompletableFuture.failedFuture(new SoraException(operation + ": invalid URI", videoId, e));
        }
        return http.execute(new HttpTransport.Request(method, uri, body == null ? null : body.bytes(),
                                body == null ? null : body.type(), "application/json", auth,
                                transport.allowInsecureHttp()),
                        () -> new BufferedResponseConsumer(transport.maxResponseBytes()), operation, videoId,
                        settings.responseTimeout(), deadline)
                .thenApply(response -> parse(response, operation, videoId, type));
    }

    private record Body(byte[] bytes, ContentType type) {
    }

    private <T> ApiResponse<T> parse(BufferedResponseConsumer.Result response, String operation, String videoId,
                                     Class<T> type) {
        String requestId = response.requestId();
        int status = response.status();
        String mime = response.contentType();
        byte[] body = redact(response.body());
        if (status < 200 || status >= 300) {
            throw new SoraApiException(operation, status, parseError(body, mime), requestId, videoId,
                    response.retryAfter());
        }
        if (mime == null || !mime.contains("json")) {
            throw new SoraApiException(operation, status, new ApiError(
                    "expected JSON but the server sent " + (mime == null ? "no content type" : mime), null, null,
                    "unexpected_content_type"), requestId, videoId);
        }
        try {
            T value = Json.MAPPER.readValue(body, type);
            if (value == null) {
                throw new IOException("empty body");
            }
            return new ApiResponse<>(value, requestId, pollAfter(response.pollAfterMs()));
        } catch (IOException e) {
            throw new SoraApiException(operation, status, new ApiError(
                    "the response is not the expected JSON: " + firstLine(e.getMessage()), null, null,
                    "invalid_response"), requestId, videoId);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static Duration pollAfter(String value) {
        if (value == null) {
            return null;
        }
        try {
            long millis = Long.parseLong(value.trim());
            return millis > 0 ? Duration.ofMillis(millis) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The API's error object from an error body, or {@code null} when the body is not in that shape. */
    static ApiError parseError(byte[] body, String mime) {
        if (body == null || body.length == 0 || (mime != null && !mime.contains("json"))) {
            return null;
        }
        try {
            JsonNode error = Json.MAPPER.readTree(body).path("error");
            if (!error.isObject()) {
                return null;
            }
            return new ApiError(text(error, "message"), text(error, "type"), text(error, "param"), text(error, "code"));
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static boolean looksLikeJsonOrText(String mime) {
        return mime != null && (mime.contains("json") || mime.startsWith("text/"));
    }

    /**
     * A server that echoes the credential (in an error message, a status field...) must not carry it into our
     * exceptions and logs: every body is scrubbed of it before it is parsed.
     */
    private byte[] redact(byte[] body) {
        if (secretToken == null || body == null || body.length < secretToken.length()) {
            return body;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.contains(secretToken)
                ? text.replace(secretToken, "***").getBytes(StandardCharsets.UTF_8)
                : body;
    }

    /** The secret part of the credential header (the token after a scheme such as Bearer), if long enough. */
    static String secretToken(String authValue) {
        if (authValue == null) {
            return null;
        }
        String value = authValue.trim();
        int space = value.indexOf(' ');
        String token = space > 0 ? value.substring(space + 1).trim() : value;
        return token.length() >= 6 ? token : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value, "value"), StandardCharsets.UTF_8);
    }

    private static String toJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * The server's wait hint: {@code Retry-After-Ms} (milliseconds), else {@code Retry-After} in seconds or as an
     * HTTP date; null when absent or unreadable.
     */
    static Duration retryAfter(org.apache.hc.core5.http.Header retryAfterMs, org.apache.hc.core5.http.Header retryAfter) {
        return retryAfter(retryAfterMs == null ? null : retryAfterMs.getValue(),
                retryAfter == null ? null : retryAfter.getValue());
    }

    static Duration retryAfter(String retryAfterMs, String retryAfter) {
        if (retryAfterMs != null) {
            try {
                double value = Double.parseDouble(retryAfterMs.trim());
                if (value >= 0) {
                    return Duration.ofMillis((long) value);
                }
            } catch (NumberFormatException e) {
                // fall through to Retry-After
            }
        }
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(retryAfter.trim());
            return seconds < 0 ? null : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException e) {
            try {
                java.time.ZonedDateTime when = java.time.ZonedDateTime.parse(retryAfter.trim(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(java.time.Instant.now(), when.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (java.time.format.DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** Closes the transport when this client made its own; a shared one is the component's to close. */
    @Override
    public void close() {
        if (ownsTransport) {
            http.close();
        }
    }
}
