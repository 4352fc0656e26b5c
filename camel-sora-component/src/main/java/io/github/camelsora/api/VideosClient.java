package io.github.camelsora.api;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The {@code /videos} protocol over HttpClient 5's asynchronous client: one method per HTTP endpoint, each returning
 * at once with a {@link CompletableFuture} completed on an I/O thread. No thread waits for a response. Nothing here
 * retries: a create is billable, so whether to repeat anything is the caller's decision.
 */
public final class VideosClient implements AutoCloseable {

    private static final String USER_AGENT = "camel-sora/0.1";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final ClientSettings settings;
    private final CloseableHttpAsyncClient http;

    public VideosClient(ClientSettings settings) {
        this.settings = settings;
        PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(settings.maxConnections())
                .setMaxConnTotal(settings.maxConnections() * 2)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                .build();
        this.http = HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.min(2, Runtime.getRuntime().availableProcessors()))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                .setThreadFactory(daemonThreads("sora-http-" + CLIENTS.incrementAndGet()))
                .disableAutomaticRetries()
                .setUserAgent(USER_AGENT)
                .build();
        this.http.start();
    }

    public ClientSettings settings() {
        return settings;
    }

    /** {@code POST /videos} as JSON. Billable: never call it twice for one job. */
    public CompletableFuture<ApiResponse<Video>> create(VideoRequest request) {
        return create(request, null, List.of());
    }

    /**
     * {@code POST /videos}. Billable: never call it twice for one job. Uploaded image bytes go as multipart (a file
     * part with file name and content type); everything else, including a {@code file_id} or {@code image_url}
     * reference and {@code characters}, as JSON.
     */
    public CompletableFuture<ApiResponse<Video>> create(VideoRequest request, InputReference reference,
            List<String> characterIds) {
        List<String> characters = characterIds == null ? List.of() : characterIds;
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
            return postMultipart("/videos", multipart, "create video", null, Video.class);
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
        return postJson("/videos", body, "create video", null, Video.class);
    }

    /** {@code GET /videos?after=&limit=&order=}: one page; null parameters are left out. */
    public CompletableFuture<ApiResponse<VideoList>> list(String after, Integer limit, String order) {
        StringBuilder query = new StringBuilder();
        appendQuery(query, "after", after);
        appendQuery(query, "limit", limit == null ? null : limit.toString());
        appendQuery(query, "order", order);
        SimpleHttpRequest get = SimpleRequestBuilder.get(settings.baseUrl() + "/videos" + query).build();
        return send(get, "list videos", null, VideoList.class);
    }

    /** {@code DELETE /videos/{id}}: the job and its assets are gone afterwards. */
    public CompletableFuture<ApiResponse<DeletedVideo>> delete(String videoId) {
        SimpleHttpRequest delete = SimpleRequestBuilder.delete(settings.baseUrl() + "/videos/" + encode(videoId)).build();
        return send(delete, "delete video", videoId, DeletedVideo.class);
    }

    /** {@code POST /videos/{id}/remix} as JSON: a new billable job from a completed one and a new prompt. */
    public CompletableFuture<ApiResponse<Video>> remix(String videoId, String prompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", prompt);
        return postJson("/videos/" + encode(videoId) + "/remix", body, "remix video", videoId, Video.class);
    }

    /** {@code POST /videos/edits} as JSON ({@code video: {id}}): a new billable job, a targeted change. */
    public CompletableFuture<ApiResponse<Video>> edit(String videoId, String prompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("video", Map.of("id", videoId));
        body.put("prompt", prompt);
        return postJson("/videos/edits", body, "edit video", videoId, Video.class);
    }

    /**
     * {@code POST /videos/extensions} as JSON: a new billable job continuing a completed video by {@code seconds};
     * the new video is the stitched whole.
     */
    public CompletableFuture<ApiResponse<Video>> extend(String videoId, String prompt, String seconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("video", Map.of("id", videoId));
        body.put("prompt", prompt);
        body.put("seconds", seconds);
        return postJson("/videos/extensions", body, "extend video", videoId, Video.class);
    }

    /** {@code POST /videos/characters} as multipart: a {@code video} file part (MP4) and a {@code name}. */
    public CompletableFuture<ApiResponse<VideoCharacter>> createCharacter(String name, byte[] mp4, String filename) {
        MultipartBody multipart = new MultipartBody()
                .file("video", filename, "video/mp4", mp4)
                .field("name", name);
        return postMultipart("/videos/characters", multipart, "create character", null, VideoCharacter.class);
    }

    /** {@code GET /videos/characters/{id}}. */
    public CompletableFuture<ApiResponse<VideoCharacter>> getCharacter(String characterId) {
        SimpleHttpRequest get = SimpleRequestBuilder
                .get(settings.baseUrl() + "/videos/characters/" + encode(characterId)).build();
        return send(get, "get character", null, VideoCharacter.class);
    }

    private <T> CompletableFuture<ApiResponse<T>> postJson(
            String path, Object body, String operation, String videoId, Class<T> type) {
        SimpleHttpRequest post = SimpleRequestBuilder.post(settings.baseUrl() + path)
                .setBody(toJson(body), ContentType.APPLICATION_JSON)
                .build();
        return send(post, operation, videoId, type);
    }

    private <T> CompletableFuture<ApiResponse<T>> postMultipart(
            String path, MultipartBody multipart, String operation, String videoId, Class<T> type) {
        String contentType = multipart.contentType();
        SimpleHttpRequest post = SimpleRequestBuilder.post(settings.baseUrl() + path)
                .setBody(multipart.build(), ContentType.parse(contentType))
                .build();
        return send(post, operation, videoId, type);
    }

    private static void appendQuery(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(query.length() == 0 ? '?' : '&').append(name).append('=').append(encode(value));
        }
    }

    /** {@code GET /videos/{id}}. */
    public CompletableFuture<ApiResponse<Video>> retrieve(String videoId) {
        SimpleHttpRequest get = SimpleRequestBuilder.get(settings.baseUrl() + "/videos/" + encode(videoId)).build();
        return send(get, "retrieve video", videoId, Video.class);
    }

    /**
     * {@code GET /videos/{id}/content?variant=...}, streamed into {@code file} as it arrives. The future fails with
     * {@link SoraApiException} on an HTTP error, on a JSON/text body where media was expected, or on a body shorter
     * than its declared length; in every failure case {@code file} is deleted.
     */
    public CompletableFuture<Download> downloadContent(String videoId, String variant, Path file) {
        SimpleHttpRequest get = SimpleRequestBuilder
                .get(settings.baseUrl() + "/videos/" + encode(videoId) + "/content?variant=" + encode(variant))
                .build();
        authorize(get);
        get.setHeader("Accept", "*/*");
        CompletableFuture<Download> result = new CompletableFuture<>();
        String operation = "download " + variant;
        http.execute(SimpleRequestProducer.create(get), new FileResponseConsumer(file), null,
                new FutureCallback<>() {
                    @Override
                    public void completed(FileResponseConsumer.Result r) {
                        try {
                            result.complete(checkDownload(r, operation, videoId, file));
                        } catch (RuntimeException e) {
                            FileResponseConsumer.deleteQuietly(file);
                            result.completeExceptionally(e);
                        }
                    }

                    @Override
                    public void failed(Exception e) {
                        FileResponseConsumer.deleteQuietly(file);
                        result.completeExceptionally(transportFailure(operation, videoId, e));
                    }

                    @Override
                    public void cancelled() {
                        FileResponseConsumer.deleteQuietly(file);
                        result.completeExceptionally(new SoraException(operation + " was cancelled", videoId));
                    }
                });
        return result;
    }

    private static Download checkDownload(FileResponseConsumer.Result r, String operation, String videoId, Path file) {
        if (r.error() != null) {
            ApiError error = parseError(r.error(), r.contentType());
            if (error == null && r.status() >= 200 && r.status() < 300) {
                error = new ApiError("expected media but the server sent " + r.contentType(), null, null,
                        "unexpected_content_type");
            }
            throw new SoraApiException(operation, r.status(), error, r.requestId(), videoId);
        }
        if (r.declaredLength() != null && r.declaredLength() != r.bytes()) {
            throw new SoraApiException(operation, r.status(), new ApiError("the body ended after " + r.bytes()
                                                                           + " of " + r.declaredLength() + " bytes",
                    null, null, "truncated_body"), r.requestId(), videoId);
        }
        return new Download(file, r.bytes(), r.contentType(), r.requestId());
    }

    private <T> CompletableFuture<ApiResponse<T>> send(
            SimpleHttpRequest request, String operation, String videoId, Class<T> type) {
        authorize(request);
        request.setHeader("Accept", "application/json");
        CompletableFuture<ApiResponse<T>> result = new CompletableFuture<>();
        http.execute(request, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                try {
                    result.complete(parse(response, operation, videoId, type));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }

            @Override
            public void failed(Exception e) {
                result.completeExceptionally(transportFailure(operation, videoId, e));
            }

            @Override
            public void cancelled() {
                result.completeExceptionally(new SoraException(operation + " was cancelled", videoId));
            }
        });
        return result;
    }

    private static <T> ApiResponse<T> parse(SimpleHttpResponse response, String operation, String videoId, Class<T> type) {
        String requestId = headerValue(response.getFirstHeader("x-request-id"));
        int status = response.getCode();
        String mime = response.getContentType() == null ? null : response.getContentType().getMimeType();
        byte[] body = response.getBodyBytes();
        if (status < 200 || status >= 300) {
            throw new SoraApiException(operation, status, parseError(body, mime), requestId, videoId);
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
            return new ApiResponse<>(value, requestId, pollAfter(response));
        } catch (IOException e) {
            throw new SoraApiException(operation, status, new ApiError(
                    "the response is not the expected JSON: " + e.getMessage(), null, null, "invalid_response"),
                    requestId, videoId);
        }
    }

    private static Duration pollAfter(SimpleHttpResponse response) {
        String value = headerValue(response.getFirstHeader("openai-poll-after-ms"));
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

    private static SoraException transportFailure(String operation, String videoId, Exception e) {
        // the message of an I/O exception names host and port at most, never a header
        return new SoraException(operation + " failed: " + e.getClass().getSimpleName()
                                 + (e.getMessage() != null ? ": " + e.getMessage() : ""),
                videoId, e);
    }

    private void authorize(SimpleHttpRequest request) {
        if (settings.authValue() != null) {
            request.setHeader(settings.authHeader(), settings.authValue());
        }
    }

    private static String headerValue(Header header) {
        return header == null ? null : header.getValue();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String toJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
