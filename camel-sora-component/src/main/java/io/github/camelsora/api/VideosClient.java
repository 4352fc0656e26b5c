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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.http2.HttpVersionPolicy;
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
    /**
     * Per-connection read and write buffer. With HttpClient's 8 KiB default a 1 GiB download reached about
     * 650 MiB/s on loopback, with 64 KiB about 930, close to curl (docs/benchmarks.md).
     */
    private static final int IO_BUFFER_BYTES = 64 * 1024;
    /** Redirects followed for one GET; a loop ends here. */
    static final int MAX_REDIRECTS = 5;

    private final ClientSettings settings;
    private final TransportSettings transport;
    private final URI base;
    private final String secretToken;
    private final CloseableHttpAsyncClient http;
    /**
     * One thread for every request's deadline. {@code CompletableFuture.delayedExecutor} without an executor
     * starts a new thread per task on machines with two cores or fewer (the common pool is not used there), and
     * its tasks stay queued until they fire: with thousands of jobs in flight that meant dozens of short-lived
     * threads and a task per request for a whole response timeout. A cancelled deadline leaves the queue at once.
     */
    private final ScheduledThreadPoolExecutor deadlines;

    public VideosClient(ClientSettings settings) {
        this.settings = settings;
        this.transport = settings.transport();
        this.base = URI.create(settings.baseUrl());
        this.secretToken = secretToken(settings.authValue());
        PoolingAsyncClientConnectionManagerBuilder poolBuilder = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(settings.maxConnections())
                .setMaxConnTotal(settings.maxConnections() * 2)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                // HTTP/1.1 only: its header log prints our masked header, where HTTP/2 would copy the value
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build());
        if (transport.sslContext() != null) {
            poolBuilder.setTlsStrategy(ClientTlsStrategyBuilder.create()
                    .setSslContext(transport.sslContext())
                    .setTlsVersions(TLS.V_1_3, TLS.V_1_2)
                    .build());
        }
        PoolingAsyncClientConnectionManager pool = poolBuilder.build();
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.min(2, Runtime.getRuntime().availableProcessors()))
                        .build())
                .setHttp1Config(Http1Config.custom().setBufferSize(IO_BUFFER_BYTES).build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                .setThreadFactory(daemonThreads("sora-http-" + CLIENTS.incrementAndGet()))
                // the wire log would print the bytes of the Authorization header: never decorate sessions with it
                .setIoSessionDecorator(session -> session)
                // redirects are followed here, where the credential can be withheld from other hosts
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(USER_AGENT);
        if (transport.proxyHost() != null) {
            HttpHost proxy = new HttpHost(transport.proxyHost(), transport.proxyPort());
            builder.setProxy(proxy);
            if (transport.proxyUsername() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxy),
                        new UsernamePasswordCredentials(transport.proxyUsername(),
                                transport.proxyPassword() == null ? new char[0]
                                        : transport.proxyPassword().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        this.http = builder.build();
        this.http.start();
        this.deadlines = new ScheduledThreadPoolExecutor(1, daemonThreads("sora-deadline-" + CLIENTS.get()));
        this.deadlines.setRemoveOnCancelPolicy(true);
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
        return withNewVideoId(send(post, operation, videoId, type), operation);
    }

    private <T> CompletableFuture<ApiResponse<T>> postMultipart(
            String path, MultipartBody multipart, String operation, String videoId, Class<T> type) {
        String contentType = multipart.contentType();
        SimpleHttpRequest post = SimpleRequestBuilder.post(settings.baseUrl() + path)
                .setBody(multipart.build(), ContentType.parse(contentType))
                .build();
        return withNewVideoId(send(post, operation, videoId, type), operation);
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
    public CompletableFuture<ApiResponse<Video>> retrieve(String videoId) {
        SimpleHttpRequest get = SimpleRequestBuilder.get(settings.baseUrl() + "/videos/" + encode(videoId)).build();
        return send(get, "retrieve video", videoId, Video.class).thenApply(response -> {
            if (!videoId.equals(response.value().id())) {
                throw new SoraApiException("retrieve video", 200, new ApiError(
                        "the response describes video '" + response.value().id() + "', not the one asked for", null,
                        null, "invalid_response"), response.requestId(), videoId);
            }
            return response;
        });
    }

    /**
     * {@code GET /videos/{id}/content?variant=...}, streamed into {@code file} as it arrives. The future fails with
     * {@link SoraApiException} on an HTTP error, on a JSON/text body where media was expected, on a body shorter
     * than its declared length or longer than {@code maxDownloadBytes}; in every failure case {@code file} is
     * deleted. The whole download must finish within {@code downloadTimeout}.
     */
    public CompletableFuture<Download> downloadContent(String videoId, String variant, Path file) {
        URI uri = URI.create(settings.baseUrl() + "/videos/" + encode(videoId) + "/content?variant="
                             + encode(variant));
        String operation = "download " + variant;
        CompletableFuture<Download> result = new CompletableFuture<>();
        execute("GET", uri, null, "*/*", true, () -> new FileResponseConsumer(file, transport.maxDownloadBytes()),
                operation, videoId, transport.downloadTimeout())
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
     * Sends a JSON request and parses the JSON answer into {@code type}. GETs follow redirects (the credential only
     * to the base URL's own origin); other methods never do, so a billable POST is never sent twice. The whole
     * exchange must finish within the response timeout, and the body must fit {@code maxResponseBytes}.
     */
    private <T> CompletableFuture<ApiResponse<T>> send(
            SimpleHttpRequest request, String operation, String videoId, Class<T> type) {
        URI uri;
        try {
            uri = request.getUri();
        } catch (URISyntaxException e) {
            return CompletableFuture.failedFuture(new SoraException(operation + ": invalid URI", videoId, e));
        }
        byte[] body = request.getBody() == null ? null : request.getBodyBytes();
        ContentType bodyType = request.getBody() == null ? null : request.getContentType();
        boolean get = "GET".equalsIgnoreCase(request.getMethod());
        return execute(request.getMethod(), uri, body == null ? null : new Body(body, bodyType), "application/json",
                get, () -> new BufferedResponseConsumer(transport.maxResponseBytes()), operation, videoId,
                settings.responseTimeout())
                .thenApply(response -> parse(response, operation, videoId, type));
    }

    private record Body(byte[] bytes, ContentType type) {
    }

    /**
     * One logical request: sends it, follows redirects for GETs (at most {@link #MAX_REDIRECTS}, never from https
     * to http, the credential only to the base URL's origin), and gives up after {@code deadline}, dropping the
     * connection, however slowly the server keeps sending.
     */
    private <R extends HttpOutcome> CompletableFuture<R> execute(
            String method, URI uri, Body body, String accept, boolean followRedirects,
            Supplier<AsyncResponseConsumer<R>> consumers, String operation, String videoId, Duration deadline) {
        CompletableFuture<R> result = new CompletableFuture<>();
        AtomicReference<Future<R>> inFlight = new AtomicReference<>();
        hop(method, uri, body, accept, followRedirects, consumers, operation, videoId, 0, result, inFlight);
        ScheduledFuture<?> deadlineTask = deadlines.schedule(() -> {
            if (!result.isDone()) {
                boolean timedOut = result.completeExceptionally(new SoraException(
                        operation + " failed: no complete response within " + deadline
                        + (method.equals("POST") ? "; the request may have reached the server and was not repeated"
                                : ""),
                        videoId, new TimeoutException("deadline " + deadline)));
                Future<R> current = inFlight.get();
                if (timedOut && current != null) {
                    current.cancel(true);
                }
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((outcome, error) -> deadlineTask.cancel(false));
        return result;
    }

    private <R extends HttpOutcome> void hop(
            String method, URI uri, Body body, String accept, boolean followRedirects,
            Supplier<AsyncResponseConsumer<R>> consumers, String operation, String videoId, int hops,
            CompletableFuture<R> result, AtomicReference<Future<R>> inFlight) {
        if (result.isDone()) {
            return;
        }
        SimpleHttpRequest request = SimpleRequestBuilder.create(method).setUri(uri).build();
        if (body != null) {
            request.setBody(body.bytes(), body.type());
        }
        request.setHeader("Accept", accept);
        if (settings.authValue() != null && sameOrigin(uri, base)) {
            request.setHeader(new MaskedHeader(settings.authHeader(), settings.authValue()));
        }
        inFlight.set(http.execute(SimpleRequestProducer.create(request), consumers.get(), null,
                new FutureCallback<>() {
                    @Override
                    public void completed(R response) {
                        if (followRedirects && isRedirect(response.status()) && response.location() != null) {
                            try {
                                URI next = redirectTarget(uri, response.location(), hops, operation, response.status(),
                                        videoId);
                                hop(method, next, body, accept, true, consumers, operation, videoId, hops + 1, result,
                                        inFlight);
                            } catch (RuntimeException e) {
                                result.completeExceptionally(e);
                            }
                            return;
                        }
                        result.complete(response);
                    }

                    @Override
                    public void failed(Exception e) {
                        if (e instanceof ResponseTooLargeException tooLarge) {
                            result.completeExceptionally(new SoraApiException(operation, tooLarge.status(),
                                    new ApiError(e.getMessage(), null, null, "response_too_large"), null, videoId));
                        } else {
                            result.completeExceptionally(transportFailure(operation, videoId, e));
                        }
                    }

                    @Override
                    public void cancelled() {
                        result.completeExceptionally(new SoraException(operation + " was cancelled", videoId));
                    }
                }));
    }

    private URI redirectTarget(URI current, String location, int hops, String operation, int status, String videoId) {
        if (hops >= MAX_REDIRECTS) {
            throw new SoraApiException(operation, status, new ApiError("more than " + MAX_REDIRECTS + " redirects",
                    null, null, "too_many_redirects"), null, videoId);
        }
        URI next;
        try {
            next = current.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new SoraApiException(operation, status, new ApiError("the redirect location is not a valid URI",
                    null, null, "invalid_redirect"), null, videoId);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        boolean http = scheme.equals("http");
        if (!(https || http) || next.getHost() == null) {
            throw new SoraApiException(operation, status, new ApiError("refusing a redirect to a " + scheme
                                                                       + " URL", null, null, "invalid_redirect"),
                    null, videoId);
        }
        boolean currentHttps = "https".equalsIgnoreCase(current.getScheme());
        if (http && (currentHttps || !(transport.allowInsecureHttp() || Addresses.isLoopbackHost(next.getHost())))) {
            throw new SoraApiException(operation, status, new ApiError("refusing a redirect to plain http ("
                                                                       + ServerText.clean(next.getHost()) + ")",
                    null, null, "insecure_redirect"), null, videoId);
        }
        return next;
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Same scheme, host and port: only there does the credential go. */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
               && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
               && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
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

    private static SoraException transportFailure(String operation, String videoId, Exception e) {
        // the message of an I/O exception names host and port at most, never a header
        return new SoraException(operation + " failed: " + e.getClass().getSimpleName()
                                 + (e.getMessage() != null ? ": " + ServerText.clean(e.getMessage()) : ""),
                videoId, e);
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

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
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

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        deadlines.shutdownNow();
    }
}
