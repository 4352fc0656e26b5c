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
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hc.core5.http.ContentType;

/**
 * What Google's two Veo job APIs share: a {@code predictLongRunning} create that answers with a long-running
 * operation ({@code google.longrunning.Operation}: {@code name}, {@code done}, {@code error} as
 * {@code google.rpc.Status}, {@code response}), errors in Google's JSON shape
 * ({@code {"error": {"code", "message", "status"}}}), and the Veo request ({@code instances[0]} and
 * {@code parameters}). The operation name is the job's id; it contains slashes
 * ({@code models/veo-3.1-generate-preview/operations/abc}) and is kept as it is, each segment encoded where it
 * becomes a path.
 * <p>
 * Sources: Gemini API, "Generate videos with Veo 3.1" (ai.google.dev/gemini-api/docs/video) and the REST reference
 * of {@code models.predictLongRunning} and {@code operations.get}; Vertex AI, "Veo video generation API"
 * (cloud.google.com/vertex-ai/generative-ai/docs/model-reference/veo-video-generation); google.rpc.Status
 * (cloud.google.com/apis/design/errors); the google-genai Java SDK's {@code Models.generateVideosParametersToMldev}
 * / {@code ToVertex} and {@code generateVideosOperationFromMldev} / {@code FromVertex}, which name the same fields.
 * Like every provider, nothing here retries, limits or bills.
 */
abstract class GoogleLroClient implements VideoProvider {

    /** The job's status while the operation is not done (the LRO has no finer state). */
    static final String IN_PROGRESS = "in_progress";

    protected final ClientSettings settings;
    protected final TransportSettings transport;
    protected final HttpTransport http;
    protected final ProviderProfile profile;

    GoogleLroClient(ClientSettings settings, HttpTransport http, ProviderProfile profile) {
        this.settings = settings;
        this.transport = settings.transport();
        this.http = http;
        this.profile = profile;
    }

    @Override
    public ProviderProfile profile() {
        return profile;
    }

    @Override
    public String server() {
        return profile.name() + " " + settings.baseUrl();
    }

    /** The credential for the next request (an access token may have been refreshed since the last one). */
    abstract CompletableFuture<HttpTransport.Auth> auth();

    /** The secret part of the credential, scrubbed from every body before it is parsed. */
    abstract String secretToken();

    // ---- the Veo request ----

    /**
     * The body of {@code predictLongRunning}: {@code instances[0]} with the prompt (and the start image, as
     * {@code bytesBase64Encoded} + {@code mimeType}), {@code parameters} with what the neutral request says:
     * {@code size} as {@code aspectRatio} + {@code resolution}, {@code seconds} as {@code durationSeconds}, and the
     * provider parameters this API documents.
     */
    ObjectNode veoBody(VideoRequest request, InputReference reference) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode instance = body.putArray("instances").addObject();
        instance.put("prompt", request.prompt());
        if (reference instanceof InputReference.Upload upload) {
            ObjectNode image = instance.putObject("image");
            image.put("bytesBase64Encoded", Base64.getEncoder().encodeToString(upload.bytes()));
            image.put("mimeType", upload.contentType());
        } else if (reference != null) {
            throw new SoraValidationException("inputReference", "provider " + profile.name()
                    + " takes the start image as bytes (a file, byte[] or https URL fetched with inputReferenceFit);"
                    + " a file id or URL is not passed on");
        }
        ObjectNode parameters = body.putObject("parameters");
        VeoSize size = VeoSize.of(request.size());
        if (size != null) {
            parameters.put("aspectRatio", size.aspectRatio());
            parameters.put("resolution", size.resolution());
        } else if (request.size() != null && !request.size().isBlank()) {
            throw new SoraValidationException("size", "'" + request.size() + "' is not a Veo size: "
                    + VeoSize.KNOWN);
        }
        if (request.seconds() != null && !request.seconds().isBlank()) {
            try {
                parameters.put("durationSeconds", Integer.parseInt(request.seconds().trim()));
            } catch (NumberFormatException e) {
                throw new SoraValidationException("seconds", "'" + request.seconds() + "' is not a whole number");
            }
        }
        for (Map.Entry<String, Object> entry : request.parameters().entrySet()) {
            if (!documentedParameters().contains(entry.getKey())) {
                throw new SoraValidationException(entry.getKey(), "provider " + profile.name() + " does not offer "
                        + entry.getKey() + "; leave it out, or pass the API's own parameter in providerOptions");
            }
            parameters.set(entry.getKey(), Json.MAPPER.valueToTree(entry.getValue()));
        }
        // the API's own parameters the component does not name (personGeneration, ...) pass through as given
        request.options().providerOptions().forEach((name, value) -> {
            if (value == null) {
                parameters.remove(name);
            } else {
                parameters.set(name, Json.MAPPER.valueToTree(value));
            }
        });
        return body;
    }

    /** The Veo parameters beyond size and seconds that this API documents (e.g. negativePrompt, seed). */
    abstract List<String> documentedParameters();

    /** A model name as a path segment: {@code veo-3.1-generate-preview} (a leading {@code models/} is dropped). */
    static String modelSegment(String model) {
        if (model == null || model.isBlank()) {
            throw new SoraValidationException("model", "a model is required, e.g. veo-3.1-generate-preview");
        }
        String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
        if (name.contains("/") || name.contains("..")) {
            throw new SoraValidationException("model", "'" + ServerText.clean(model) + "' is not a model name");
        }
        return segment(name);
    }

    /** An operation name as a path: each segment encoded, the slashes kept; refuses empty, dot and dot-dot segments. */
    static String operationPath(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/")) {
            throw new SoraValidationException("video_id", "'" + ServerText.clean(String.valueOf(name))
                    + "' is not an operation name");
        }
        StringBuilder path = new StringBuilder();
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new SoraValidationException("video_id", "'" + ServerText.clean(name)
                        + "' is not an operation name");
            }
            path.append(path.length() == 0 ? "" : "/").append(segment(part));
        }
        return path.toString();
    }

    /** One path segment, percent-encoded (a space is {@code %20}, never {@code +}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- the operation ----

    /**
     * The job an operation describes: not done is {@code in_progress}; {@code error} is {@code failed} with the
     * google.rpc.Status code name (e.g. {@code INVALID_ARGUMENT}) and message; a response with at least one video is
     * {@code completed}; a response without one (every sample removed by the safety filters) is {@code failed}
     * with code {@code content_filtered} and the filter's reasons.
     */
    Video toVideo(JsonNode operation, String requested) {
        String name = text(operation, "name");
        String id = name != null ? name : requested;
        String model = modelOf(id);
        Integer progress = operation.path("metadata").path("progressPercent").isNumber()
                ? operation.path("metadata").path("progressPercent").asInt() : null;
        if (!operation.path("done").asBoolean(false)) {
            return new Video(id, "video", model, IN_PROGRESS, progress, null, null, null, null, null, null, null, null);
        }
        JsonNode error = operation.get("error");
        if (error != null && error.isObject()) {
            return failed(id, model, statusName(error), text(error, "message"));
        }
        Result result = result(operation);
        if (result == null) {
            List<String> reasons = filteredReasons(operation);
            return failed(id, model, "content_filtered", reasons.isEmpty()
                    ? "the operation is done but names no video"
                    : "no video: " + String.join("; ", reasons));
        }
        String location = result.uri() != null && result.uri().startsWith("gs://") ? result.uri() : null;
        return new Video(id, "video", model, "completed", 100, null, null, null, null, null, null, null, null,
                location);
    }

    private static Video failed(String id, String model, String code, String message) {
        return new Video(id, "video", model, "failed", null, null, null, null, null, null, null, null,
                new VideoError(code, message));
    }

    /** The code of a google.rpc.Status: its {@code status} name, else the canonical name of its numeric code. */
    static String statusName(JsonNode status) {
        String name = text(status, "status");
        if (name != null) {
            return name;
        }
        JsonNode code = status.get("code");
        if (code == null || !code.canConvertToInt()) {
            return null;
        }
        // google.rpc.Code (github.com/googleapis/googleapis google/rpc/code.proto)
        String[] names = { "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
                           "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
                           "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
                           "UNAUTHENTICATED" };
        int value = code.asInt();
        return value >= 0 && value < names.length ? names[value] : String.valueOf(value);
    }

    /** The model named in an operation name ({@code .../models/<model>/operations/<id>}), if any. */
    static String modelOf(String operationName) {
        if (operationName == null) {
            return null;
        }
        String[] parts = operationName.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("models")) {
                return parts[i + 1];
            }
        }
        return null;
    }

    /** Where the first video of a done operation is: a URI (https or gs) or inline bytes; null when none. */
    record Result(String uri, boolean inline, String mimeType) {
    }

    /** The first video of a done operation's response, in this API's shape; null when it names none. */
    abstract Result result(JsonNode operation);

    /** The safety filter's reasons for removed samples, when the response gives them. */
    abstract List<String> filteredReasons(JsonNode operation);

    // ---- calls ----

    /** The operation now, parsed, checked to be the one asked for. */
    CompletableFuture<ApiResponse<JsonNode>> operation(String videoId, CompletableFuture<ApiResponse<JsonNode>> call,
                                                       String operation) {
        return call.thenApply(response -> {
            String name = text(response.value(), "name");
            if (name != null && !name.equals(videoId)) {
                throw new SoraApiException(operation, 200, new ApiError("the response describes operation '"
                        + ServerText.clean(name) + "', not the one asked for", null, null, "invalid_response"),
                        response.requestId(), videoId);
            }
            return response;
        });
    }

    /** A create's answer must name the new operation. */
    static ApiResponse<Video> created(ApiResponse<JsonNode> response, Video video) {
        if (video.id() == null || video.id().isBlank()) {
            throw new SoraApiException("create video", 200, new ApiError("the response has no operation name", null,
                    null, "invalid_response"), response.requestId(), null);
        }
        return new ApiResponse<>(video, response.requestId(), null);
    }

    /** Sends JSON (or nothing) to {@code uri} and parses the JSON answer; errors become {@link SoraApiException}. */
    CompletableFuture<ApiResponse<JsonNode>> send(String method, String uri, JsonNode body, String operation,
                                                  String videoId, Deadline deadline) {
        URI target;
        try {
            target = new URI(uri);
        } catch (URISyntaxException e) {
            return CompletableFuture.failedFuture(new SoraException(operation + ": invalid URI", videoId, e));
        }
        byte[] bytes = body == null ? null : toJson(body);
        return auth().thenCompose(auth -> http.execute(new HttpTransport.Request(method, target, bytes,
                        bytes == null ? null : ContentType.APPLICATION_JSON, "application/json", auth,
                        transport.allowInsecureHttp()),
                () -> new BufferedResponseConsumer(transport.maxResponseBytes()), operation, videoId,
                settings.responseTimeout(), deadline))
                .thenApply(response -> parse(response, operation, videoId));
    }

    private ApiResponse<JsonNode> parse(BufferedResponseConsumer.Result response, String operation, String videoId) {
        byte[] body = redact(response.body());
        String mime = response.contentType();
        if (!response.head().success()) {
            throw new SoraApiException(operation, response.status(), parseError(body, mime), response.requestId(),
                    videoId, response.retryAfter());
        }
        if (mime == null || !mime.contains("json")) {
            throw new SoraApiException(operation, response.status(), new ApiError("expected JSON but the server sent "
                    + (mime == null ? "no content type" : mime), null, null, "unexpected_content_type"),
                    response.requestId(), videoId);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return new ApiResponse<>(node, response.requestId(), null);
        } catch (IOException e) {
            throw new SoraApiException(operation, response.status(), new ApiError("the response is not the expected"
                    + " JSON: " + e.getClass().getSimpleName(), null, null, "invalid_response"), response.requestId(),
                    videoId);
        }
    }

    /**
     * Google's error body ({@code {"error": {"code": 400, "message": "...", "status": "INVALID_ARGUMENT"}}}) as the
     * component's {@link ApiError}: the status name is the code and the type.
     */
    static ApiError parseError(byte[] body, String mime) {
        if (body == null || body.length == 0 || (mime != null && !mime.contains("json"))) {
            return null;
        }
        try {
            JsonNode error = Json.MAPPER.readTree(body).path("error");
            if (!error.isObject()) {
                return null;
            }
            String status = statusName(error);
            return new ApiError(text(error, "message"), status, null,
                    status == null ? null : status.toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            return null;
        }
    }

    /** Streams a result URL on the provider's own origin, with its credential, into {@code file}. */
    CompletableFuture<Download> downloadWithCredential(URI uri, String videoId, Path file, Deadline deadline) {
        return auth().thenCompose(auth -> downloadWithCredential(uri, videoId, file, deadline, auth));
    }

    /** Streams {@code uri} into {@code file} with {@code auth} (sent only to its origin). */
    CompletableFuture<Download> downloadWithCredential(URI uri, String videoId, Path file, Deadline deadline,
                                                       HttpTransport.Auth auth) {
        String operation = "download video";
        CompletableFuture<Download> result = new CompletableFuture<>();
        http.execute(new HttpTransport.Request("GET", uri, null, null, "*/*", auth,
                        transport.allowInsecureHttp()),
                () -> new FileResponseConsumer(file, transport.maxDownloadBytes()), operation, videoId,
                transport.downloadTimeout(), deadline)
                .whenComplete((r, error) -> {
                    try {
                        if (error != null) {
                            Throwable cause = error instanceof java.util.concurrent.CompletionException
                                              && error.getCause() != null ? error.getCause() : error;
                            throw cause instanceof RuntimeException re ? re
                                    : new SoraException(operation + " failed: " + cause, videoId, cause);
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
            if (r.status() == 404) {
                // the operation named this file when it was done; Google removes generated videos after two days
                error = new ApiError(error != null && error.message() != null ? error.message()
                        : "the generated video is gone", "NOT_FOUND", null, "video_expired");
            } else if (error == null && r.status() >= 200 && r.status() < 300) {
                error = new ApiError("expected media but the server sent " + r.contentType(), null, null,
                        "unexpected_content_type");
            }
            throw new SoraApiException(operation, r.status(), error, r.requestId(), videoId, r.retryAfter());
        }
        if (r.declaredLength() != null && r.declaredLength() != r.bytes()) {
            throw new SoraApiException(operation, r.status(), new ApiError("the body ended after " + r.bytes()
                    + " of " + r.declaredLength() + " bytes", null, null, "truncated_body"), r.requestId(), videoId);
        }
        return new Download(file, r.bytes(), r.contentType(), r.requestId());
    }

    /** Only the video itself is a result here (no thumbnail or spritesheet). */
    static CompletableFuture<Download> onlyVideo(String variant) {
        return CompletableFuture.failedFuture(new SoraValidationException("variant", "'" + variant
                + "' is not offered by Veo: only the video"));
    }

    @Override
    public CompletableFuture<ApiResponse<VideoList>> list(String after, Integer limit, String order,
                                                          Deadline deadline) {
        return CompletableFuture.failedFuture(new SoraValidationException("operation", "provider " + profile.name()
                + " has no 'list' endpoint"));
    }

    @Override
    public CompletableFuture<ApiResponse<DeletedVideo>> delete(String videoId, Deadline deadline) {
        return CompletableFuture.failedFuture(new SoraValidationException("operation", "provider " + profile.name()
                + " has no 'delete' endpoint"));
    }

    byte[] redact(byte[] body) {
        String secret = secretToken();
        if (secret == null || body == null || body.length < secret.length()) {
            return body;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.contains(secret) ? text.replace(secret, "***").getBytes(StandardCharsets.UTF_8) : body;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    static byte[] toJson(JsonNode value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * The neutral {@code size} (WIDTHxHEIGHT) as Veo's {@code aspectRatio} and {@code resolution}: 16:9 or 9:16 at
     * 720p, 1080p or 4k (the sizes the Veo 3.1 documentation lists).
     */
    record VeoSize(String aspectRatio, String resolution) {
        static final List<String> KNOWN = List.of("1280x720", "720x1280", "1920x1080", "1080x1920", "3840x2160",
                "2160x3840");

        static VeoSize of(String size) {
            if (size == null) {
                return null;
            }
            return switch (size.trim()) {
                case "1280x720" -> new VeoSize("16:9", "720p");
                case "720x1280" -> new VeoSize("9:16", "720p");
                case "1920x1080" -> new VeoSize("16:9", "1080p");
                case "1080x1920" -> new VeoSize("9:16", "1080p");
                case "3840x2160" -> new VeoSize("16:9", "4k");
                case "2160x3840" -> new VeoSize("9:16", "4k");
                default -> null;
            };
        }
    }
}
