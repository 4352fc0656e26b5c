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
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.http.ContentType;

/**
 * The {@code /videos} job protocol (OpenAI's, and the gateways and servers that speak a dialect of it): the first
 * implementation of the {@link VideoProvider} seam, one method per HTTP endpoint, each returning at once with a
 * {@link CompletableFuture} completed on an I/O thread. It holds no thread and no connection of its own: requests go
 * through the shared {@link HttpTransport}, with this server's credential attached per request. Nothing here
 * retries: a create is billable, so whether to repeat anything is the policy gateway's decision.
 * <p>
 * One implementation serves every dialect; the differences are the profile's data: how a create is shaped
 * ({@link RequestShape}: JSON or multipart, seconds as text or number, size or resolution and aspect ratio, the
 * provider's names of the neutral options), how a job reads ({@link JobReader}: status words, error shapes, where
 * the result URL and the reported cost are) and where the result is (the content route, or a URL the job names,
 * fetched under the safe-fetch rules).
 */
public final class VideosClient implements VideoProvider, AutoCloseable {

    /** The protocol family of the {@code /v1/videos} job protocol and its dialects. */
    public static final String PROTOCOL = "openai-videos";

    /** The {@code openai-videos} protocol family. */
    public static final class Factory implements VideoProviderFactory {
        @Override
        public String protocol() {
            return PROTOCOL;
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
    private final JobReader reader;

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
        this.reader = new JobReader(profile);
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
     * {@code POST /videos}. Billable: never call it twice for one job. Shaped by the profile ({@link RequestShape}):
     * JSON, unless the server reads forms only or an image is uploaded (then multipart, with a file part that has a
     * file name and content type); a {@code file_id} or {@code image_url} reference and {@code characters} go in
     * the JSON object form (or the bracket form of a multipart body).
     */
    @Override
    public CompletableFuture<ApiResponse<Video>> create(VideoRequest request, InputReference reference,
            List<String> characterIds, Deadline deadline) {
        List<String> characters = characterIds == null ? List.of() : characterIds;
        RequestShape shape = profile.request();
        Map<String, Object> fields;
        if (request.storageUri() != null) {
            return CompletableFuture.failedFuture(new SoraValidationException("storageUri", "provider " + profile.name()
                    + " speaks the /v1/videos protocol, which does not write to cloud storage"));
        }
        try {
            shape.check(request, profile.name());
            fields = shape.fields(request);
        } catch (SoraValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        InputReference last = request.options().lastFrame();
        try {
            if ("frame_images".equals(shape.frames())) {
                return createWithFrameImages(fields, reference, last, request.options().referenceImages(),
                        deadline);
            }
            if ("ordered_files".equals(shape.frames()) && (reference != null || last != null)) {
                return createWithOrderedFiles(fields, reference, last, deadline);
            }
        } catch (SoraValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (shape.multipartOnly() || reference instanceof InputReference.Upload) {
            MultipartBody multipart = new MultipartBody();
            fields.forEach((name, value) -> multipart.field(name, formValue(value)));
            for (int i = 0; i < characters.size(); i++) {
                multipart.field("characters[" + i + "][id]", characters.get(i));
            }
            if (reference instanceof InputReference.Upload upload) {
                multipart.file("input_reference", upload.filename(), upload.contentType(), upload.bytes());
            } else if (reference instanceof InputReference.FileId fileId) {
                multipart.field("input_reference[file_id]", fileId.fileId());
            } else if (reference instanceof InputReference.ImageUrl imageUrl) {
                multipart.field("input_reference[image_url]", imageUrl.imageUrl());
            }
            return postMultipart("/videos", multipart, "create video", null, reader::read, deadline);
        }
        Map<String, Object> body = new LinkedHashMap<>(fields);
        if (reference instanceof InputReference.FileId fileId) {
            body.put("input_reference", Map.of("file_id", fileId.fileId()));
        } else if (reference instanceof InputReference.ImageUrl imageUrl) {
            body.put("input_reference", Map.of("image_url", imageUrl.imageUrl()));
        }
        if (!characters.isEmpty()) {
            body.put("characters", characters.stream().map(id -> Map.of("id", id)).toList());
        }
        return postJson("/videos", body, "create video", null, reader::read, deadline);
    }

    /**
     * OpenRouter's images: {@code frame_images} entries {@code {type: image_url, image_url: {url}, frame_type}}, the
     * reference image the first frame and {@code lastFrame} the last, uploads as data URLs (openrouter.ai/docs/
     * features/multimodal/video-generation).
     */
    private CompletableFuture<ApiResponse<Video>> createWithFrameImages(Map<String, Object> fields,
            InputReference first, InputReference last, List<InputReference> references, Deadline deadline) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        List<Map<String, Object>> frames = new java.util.ArrayList<>();
        if (first != null) {
            frames.add(frameImage(first, "first_frame"));
        }
        if (last != null) {
            frames.add(frameImage(last, "last_frame"));
        }
        if (!frames.isEmpty()) {
            body.putIfAbsent("frame_images", frames);
        }
        if (!references.isEmpty()) {
            List<Map<String, Object>> entries = new java.util.ArrayList<>();
            for (InputReference image : references) {
                Map<String, Object> entry = frameImage(image, "reference");
                entry.remove("frame_type");
                entries.add(entry);
            }
            body.putIfAbsent("input_references", entries);
        }
        return postJson("/videos", body, "create video", null, reader::read, deadline);
    }

    private Map<String, Object> frameImage(InputReference image, String frameType) {
        String url;
        if (image instanceof InputReference.Upload upload) {
            url = "data:" + upload.contentType() + ";base64,"
                  + java.util.Base64.getEncoder().encodeToString(upload.bytes());
        } else if (image instanceof InputReference.ImageUrl imageUrl) {
            url = imageUrl.imageUrl();
        } else {
            throw new SoraValidationException(frameType.equals("first_frame") ? "input_reference"
                    : frameType.equals("last_frame") ? "lastFrame" : "referenceImages",
                    "provider " + profile.name() + " takes images as URLs or uploads, not file ids");
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", "image_url");
        entry.put("image_url", Map.of("url", url));
        entry.put("frame_type", frameType);
        return entry;
    }

    /**
     * CometAPI's images: one {@code input_reference} file for image-to-video, two ordered ones for the first and the
     * last frame (apidoc.cometapi.com veo3-async-generation); files only.
     */
    private CompletableFuture<ApiResponse<Video>> createWithOrderedFiles(Map<String, Object> fields,
            InputReference first, InputReference last, Deadline deadline) {
        if (first == null) {
            throw new SoraValidationException("lastFrame", "provider " + profile.name() + " takes a last frame only"
                    + " after a first one (inputReference)");
        }
        MultipartBody multipart = new MultipartBody();
        fields.forEach((name, value) -> multipart.field(name, formValue(value)));
        for (InputReference image : last == null ? List.of(first) : List.of(first, last)) {
            if (!(image instanceof InputReference.Upload upload)) {
                throw new SoraValidationException(image == first ? "input_reference" : "lastFrame", "provider "
                        + profile.name() + " takes image files only: give the image itself (or, for an https URL,"
                        + " inputReferenceFit=crop or pad so that the component fetches it)");
            }
            multipart.file("input_reference", upload.filename(), upload.contentType(), upload.bytes());
        }
        return postMultipart("/videos", multipart, "create video", null, reader::read, deadline);
    }

    /** A form field's text: strings as they are, numbers and booleans as JSON writes them, objects as JSON text. */
    private static String formValue(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return toJson(value);
    }

    /** {@code GET /videos?after=&limit=&order=}: one page; null parameters are left out. */
    @Override
    public CompletableFuture<ApiResponse<VideoList>> list(String after, Integer limit, String order,
                                                          Deadline deadline) {
        StringBuilder query = new StringBuilder();
        appendQuery(query, "after", after);
        appendQuery(query, "limit", limit == null ? null : limit.toString());
        appendQuery(query, "order", order);
        return send("GET", "/videos" + query, null, "list videos", null, reader::readList, deadline);
    }

    /** {@code DELETE /videos/{id}}: the job and its assets are gone afterwards. */
    @Override
    public CompletableFuture<ApiResponse<DeletedVideo>> delete(String videoId, Deadline deadline) {
        return send("DELETE", "/videos/" + encode(videoId), null, "delete video", videoId,
                node -> reader.readDeleted(node, videoId), deadline);
    }

    /** {@code POST /videos/{id}/remix} as JSON: a new billable job from a completed one and a new prompt. */
    @Override
    public CompletableFuture<ApiResponse<Video>> remix(String videoId, String prompt, Deadline deadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", prompt);
        return postJson("/videos/" + encode(videoId) + "/remix", body, "remix video", videoId, reader::read,
                deadline);
    }

    /** {@code POST /videos/edits} as JSON ({@code video: {id}}): a new billable job, a targeted change. */
    @Override
    public CompletableFuture<ApiResponse<Video>> edit(String videoId, String prompt, Deadline deadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("video", Map.of("id", videoId));
        body.put("prompt", prompt);
        return postJson("/videos/edits", body, "edit video", videoId, reader::read, deadline);
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
        return postJson("/videos/extensions", body, "extend video", videoId, reader::read, deadline);
    }

    /** {@code POST /videos/characters} as multipart: a {@code video} file part (MP4) and a {@code name}. */
    @Override
    public CompletableFuture<ApiResponse<VideoCharacter>> createCharacter(String name, byte[] mp4, String filename,
                                                                          Deadline deadline) {
        MultipartBody multipart = new MultipartBody()
                .file("video", filename, "video/mp4", mp4)
                .field("name", name);
        return postMultipart("/videos/characters", multipart, "create character", null,
                node -> treeToValue(node, VideoCharacter.class), deadline);
    }

    /** {@code GET /videos/characters/{id}}. */
    @Override
    public CompletableFuture<ApiResponse<VideoCharacter>> getCharacter(String characterId, Deadline deadline) {
        return send("GET", "/videos/characters/" + encode(characterId), null, "get character", null,
                node -> treeToValue(node, VideoCharacter.class), deadline);
    }

    private <T> CompletableFuture<ApiResponse<T>> postJson(String path, Object body, String operation,
            String videoId, Function<JsonNode, T> type, Deadline deadline) {
        return withNewVideoId(send("POST", path, new Body(toJson(body).getBytes(StandardCharsets.UTF_8),
                ContentType.APPLICATION_JSON), operation, videoId, type, deadline), operation);
    }

    private <T> CompletableFuture<ApiResponse<T>> postMultipart(String path, MultipartBody multipart,
            String operation, String videoId, Function<JsonNode, T> type, Deadline deadline) {
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
        return send("GET", "/videos/" + encode(videoId), null, "retrieve video", videoId, reader::read, deadline)
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
     * The job's result streamed into {@code file}, wherever the provider keeps it: for the video, a URL the job
     * names when the profile says the provider names one (the job is read first), else the content route. The future
     * fails with {@link SoraApiException} or {@link SoraFetchException}; in every failure case {@code file} is
     * deleted. The whole download must finish within {@code downloadTimeout} and {@code deadline}.
     */
    @Override
    public CompletableFuture<Download> download(String videoId, String variant, Path file, Deadline deadline) {
        if ("video".equals(variant) && !profile.resultUrls().isEmpty()) {
            return retrieve(videoId, deadline).thenCompose(job -> fromJob(job.value(), file, deadline));
        }
        return content(videoId, variant, file, deadline);
    }

    /** As {@link #download(String, String, Path, Deadline)}, with the job as last read (its result URL, if any). */
    @Override
    public CompletableFuture<Download> download(Video job, String variant, Path file, Deadline deadline) {
        if (!"video".equals(variant) || profile.resultUrls().isEmpty()) {
            return content(job.id(), variant, file, deadline);
        }
        if (job.resultUrl() == null) {
            // a job made up from the store, or read before the URL was there: ask the server
            return download(job.id(), variant, file, deadline);
        }
        return fromJob(job, file, deadline);
    }

    /**
     * The video from the URL the job names; a link refused as expired (401, 403, 404, 410: signed URLs run out) is
     * refreshed by reading the job again, once. Without a URL, the content route, when the provider has one.
     */
    private CompletableFuture<Download> fromJob(Video job, Path file, Deadline deadline) {
        String url = job.resultUrl();
        if (url == null) {
            if (profile.supports("content")) {
                return content(job.id(), "video", file, deadline);
            }
            return CompletableFuture.failedFuture(new SoraApiException("download video", 200, new ApiError(
                    "the job names no result URL (status '" + job.providerStatus() + "') and provider "
                    + profile.name() + " has no content route", null, null, "no_result_url"), null, job.id()));
        }
        return fromUrl(job.id(), url, file, deadline).handle((download, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(download);
            }
            Throwable failure = Futures.unwrap(error);
            if (!expiredLink(failure)) {
                return CompletableFuture.<Download>failedFuture(failure);
            }
            return retrieve(job.id(), deadline).thenCompose(fresh -> {
                String again = fresh.value().resultUrl();
                if (again == null) {
                    return CompletableFuture.<Download>failedFuture(failure);
                }
                return fromUrl(job.id(), again, file, deadline);
            });
        }).thenCompose(next -> next);
    }

    private static boolean expiredLink(Throwable failure) {
        int status = failure instanceof SoraFetchException fetch ? fetch.getStatusCode()
                : failure instanceof SoraApiException api ? api.getStatusCode() : 0;
        return status == 401 || status == 403 || status == 404 || status == 410;
    }

    /**
     * One result URL into {@code file}. On the provider's own origin, when its profile documents result URLs as
     * authenticated (OpenRouter's {@code unsigned_urls}), it is a provider request with the credential; anywhere
     * else the safe-fetch rules apply: no credential, https only, no internal address unless
     * {@code allowInternalProviderUrls}, at most {@code maxDownloadBytes}, within {@code downloadTimeout}, each
     * redirect checked like the first URL, media only.
     */
    private CompletableFuture<Download> fromUrl(String videoId, String url, Path file, Deadline deadline) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return CompletableFuture.failedFuture(new SoraFetchException(url, "invalid_url", 0, "not a valid URI",
                    null, videoId));
        }
        if (profile.authenticatedResultUrls() && HttpTransport.sameOrigin(uri, URI.create(settings.baseUrl()))) {
            return fetchOwn(uri, videoId, file, deadline);
        }
        FetchPolicy policy = transport.resultFetchPolicy();
        return http.download(url, policy, file, deadline).handle((download, error) -> {
            if (error == null) {
                return download;
            }
            Throwable failure = Futures.unwrap(error);
            throw failure instanceof SoraFetchException fetch ? fetch.forVideo(videoId)
                    : new SoraException("download video failed: " + failure, videoId, failure);
        });
    }

    /**
     * {@code GET /videos/{id}/content?variant=...}, streamed into {@code file} as it arrives. The future fails with
     * {@link SoraApiException} on an HTTP error, on a JSON/text body where media was expected, on a body shorter
     * than its declared length or longer than {@code maxDownloadBytes}; in every failure case {@code file} is
     * deleted. The whole download must finish within {@code downloadTimeout} and {@code deadline}.
     */
    private CompletableFuture<Download> content(String videoId, String variant, Path file, Deadline deadline) {
        if (!profile.supports("content") || !("video".equals(variant) || profile.supports("variants"))) {
            return CompletableFuture.failedFuture(new SoraValidationException("operation", "provider "
                    + profile.name() + " has no content route" + ("video".equals(variant) ? "" : " for " + variant)));
        }
        URI uri = URI.create(settings.baseUrl() + "/videos/" + encode(videoId) + "/content?variant="
                             + encode(variant));
        return fetchOwn(uri, videoId, file, deadline, "download " + variant);
    }

    private CompletableFuture<Download> fetchOwn(URI uri, String videoId, Path file, Deadline deadline) {
        return fetchOwn(uri, videoId, file, deadline, "download video");
    }

    /** A media GET on the provider's origin, with its credential (only there: redirects elsewhere go without). */
    private CompletableFuture<Download> fetchOwn(URI uri, String videoId, Path file, Deadline deadline,
                                                 String operation) {
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
            String videoId, Function<JsonNode, T> type, Deadline deadline) {
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
                                     Function<JsonNode, T> type) {
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
            JsonNode tree = Json.MAPPER.readTree(body);
            if (tree == null || tree.isMissingNode() || tree.isNull() || !(tree.isObject() || tree.isArray())) {
                throw new IOException("empty body");
            }
            T value = type.apply(tree);
            return new ApiResponse<>(value, requestId, pollAfter(response.pollAfterMs()));
        } catch (IOException | IllegalArgumentException e) {
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
            JsonNode root = Json.MAPPER.readTree(body);
            JsonNode error = root.path("error");
            if (error.isTextual()) {
                // OpenRouter and others: {"error": "<message>"}
                return new ApiError(error.asText(), null, null, null);
            }
            if (!error.isObject()) {
                // FastAPI servers (SGLang): {"detail": "<message>"}
                JsonNode detail = root.path("detail");
                return detail.isTextual() ? new ApiError(detail.asText(), null, null, null) : null;
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

    private static <T> T treeToValue(JsonNode node, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
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
