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
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Veo through the Gemini API, as Google documents it (ai.google.dev/gemini-api/docs/video, "Generate videos with
 * Veo 3.1 in the Gemini API", its REST tab; ai.google.dev/api/rest/v1beta/models/predictLongRunning; the
 * google.longrunning.Operation and google.rpc.Status messages of github.com/googleapis/googleapis; the google-genai
 * SDK's {@code Models.generateVideosParametersToMldev} and {@code generateVideosOperationFromMldev}, which read and
 * write the same fields):
 * <ul>
 * <li>{@code POST /v1beta/models/{model}:predictLongRunning} with {@code {"instances": [{"prompt", "image"?:
 * {"bytesBase64Encoded", "mimeType"}}], "parameters": {"aspectRatio"?, "resolution"?, "durationSeconds"?,
 * "negativePrompt"?, "personGeneration"?, "sampleCount"?}}} answers {@code {"name":
 * "models/{model}/operations/{id}"}};</li>
 * <li>{@code GET /v1beta/models/{model}/operations/{id}}: {@code {"name"}} while rendering (proto3 JSON leaves
 * {@code done: false} out), then {@code {"name", "done": true, "response": {"@type": "...PredictLongRunningResponse",
 * "generateVideoResponse": {"generatedSamples": [{"video": {"uri"}}]}}}}, or {@code "error": {"code", "message"}}
 * (google.rpc.Status), or, when the safety filter removed the sample, a response with
 * {@code raiMediaFilteredCount} and {@code raiMediaFilteredReasons} and no sample;</li>
 * <li>{@code GET /v1beta/files/{id}:download?alt=media}: the MP4, with the key; {@code 404 NOT_FOUND} once the
 * video is two days old (the guide: "stored on the server for 2 days").</li>
 * </ul>
 * The key travels in {@code x-goog-api-key} or the {@code key} query parameter; errors are
 * {@code {"error": {"code": 400, "message": "...", "status": "INVALID_ARGUMENT"}}}. Veo takes no {@code seed} and no
 * {@code generateAudio} here (the SDKs refuse both in Gemini API mode); they are answered with 400, as any
 * parameter the model does not take. Jobs keep the simulator's lifecycle and media: a planned failure whose code
 * names moderation is a filtered sample, any other an operation error.
 */
final class GeminiDialect {

    static final String PREFIX = "/v1beta";
    /** How long Google keeps a generated video. */
    static final Duration VIDEO_LIFETIME = Duration.ofDays(2);
    private static final System.Logger LOG = System.getLogger(GeminiDialect.class.getName());
    private static final String PREDICT = ":predictLongRunning";
    private static final String DOWNLOAD = ":download";

    /** Veo models of the Gemini API and the clip lengths each takes (seconds). */
    private static final Map<String, List<Integer>> MODELS = Map.of(
            "veo-3.1-generate-preview", List.of(4, 6, 8),
            "veo-3.1-fast-generate-preview", List.of(4, 6, 8),
            "veo-3.1-lite-generate-preview", List.of(4, 6, 8),
            "veo-3.0-generate-001", List.of(4, 6, 8),
            "veo-3.0-fast-generate-001", List.of(4, 6, 8),
            "veo-2.0-generate-001", List.of(5, 6, 7, 8));
    private static final Set<String> PARAMETERS = Set.of("aspectRatio", "resolution", "durationSeconds",
            "negativePrompt", "personGeneration", "sampleCount");

    private GeminiDialect() {
    }

    record Target(Route route, String id) {
    }

    /** Method and path to a route: create, the operation (by its full name), the file (by its id). */
    static Target resolve(String method, String rawPath) throws ApiException {
        if (!rawPath.startsWith(PREFIX + "/")) {
            throw notFound(method, rawPath);
        }
        String rest = decode(rawPath.substring(PREFIX.length() + 1));
        String[] parts = rest.split("/", -1);
        if (parts.length == 2 && parts[0].equals("models") && parts[1].endsWith(PREDICT)) {
            requireMethod(method, "POST", rawPath);
            return new Target(Route.CREATE, parts[1].substring(0, parts[1].length() - PREDICT.length()));
        }
        if (parts.length == 4 && parts[0].equals("models") && parts[2].equals("operations") && !parts[3].isEmpty()) {
            requireMethod(method, "GET", rawPath);
            return new Target(Route.RETRIEVE, rest);
        }
        if (parts.length == 2 && parts[0].equals("files") && parts[1].endsWith(DOWNLOAD)) {
            requireMethod(method, "GET", rawPath);
            return new Target(Route.CONTENT, parts[1].substring(0, parts[1].length() - DOWNLOAD.length()));
        }
        throw notFound(method, rawPath);
    }

    /** {@code x-goog-api-key} or {@code ?key=}: none is 403, a wrong one 400, as Google answers. */
    static void authenticate(ApiExchange exchange, SimulatorState state) throws ApiException {
        String key = exchange.requestHeader("x-goog-api-key");
        if (key == null) {
            key = exchange.query().get("key");
        }
        if (key == null || key.isBlank()) {
            throw error(403, "Method doesn't allow unregistered callers (callers without established identity)."
                    + " Please use API Key or other form of API consumer identity to call this API.");
        }
        if (!MessageDigest.isEqual(key.trim().getBytes(StandardCharsets.UTF_8),
                state.apiKey.getBytes(StandardCharsets.UTF_8))) {
            throw error(400, "API key not valid. Please pass a valid API key.");
        }
    }

    /** Google's error body for an answer the handlers or the fault injector raised. */
    static ObjectNode errorBody(ApiException e) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", e.status());
        error.put("message", e.getMessage());
        error.put("status", statusName(e.status()));
        return root;
    }

    static EndpointHandler handler(Route route, SimulatorState state) {
        return switch (route) {
            case CREATE -> (exchange, model) -> create(exchange, model, state);
            case RETRIEVE -> (exchange, name) -> operation(exchange, name, state);
            case CONTENT -> (exchange, fileId) -> download(exchange, fileId, state);
            default -> throw new IllegalArgumentException(route.name());
        };
    }

    // ---- create ----

    private static void create(ApiExchange exchange, String model, SimulatorState state)
            throws IOException, ApiException {
        VideoSpec spec = spec(exchange, model, MODELS, PARAMETERS, "v1beta");
        String name = "models/" + model + "/operations/" + ApiExchange.randomHex();
        state.createJob(name, spec, null, 0);
        ObjectNode operation = Json.MAPPER.createObjectNode();
        operation.put("name", name);
        exchange.sendJson(200, operation);
    }

    /** Reads and checks a Veo {@code predictLongRunning} body (shared with {@link VertexDialect}). */
    static VideoSpec spec(ApiExchange exchange, String model, Map<String, List<Integer>> models,
                          Set<String> allowed, String version) throws IOException, ApiException {
        List<Integer> lengths = models.get(model);
        if (lengths == null) {
            throw error(404, "models/" + model + " is not found for API version " + version + ", or is not"
                    + " supported for"
                    + " predictLongRunning. Call ListModels to see the list of available models and their supported"
                    + " methods.");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(exchange.readBody());
        } catch (IOException e) {
            throw error(400, "Invalid JSON payload received.");
        }
        JsonNode instance = body == null ? null : body.path("instances").path(0);
        if (instance == null || !instance.path("prompt").isTextual() || instance.path("prompt").asText().isBlank()) {
            throw error(400, "* PredictLongRunningRequest.instances[0].prompt: a text prompt is required.");
        }
        JsonNode image = instance.get("image");
        if (image != null) {
            checkImage(image);
        }
        JsonNode parameters = body.path("parameters");
        if (!parameters.isMissingNode() && !parameters.isObject()) {
            throw error(400, "Invalid JSON payload received. 'parameters' must be an object.");
        }
        for (String name : iterable(parameters)) {
            if (!allowed.contains(name)) {
                throw error(400, "`" + name + "` isn't supported by this model. Please remove it or refer to the"
                        + " Gemini API documentation for supported usage.");
            }
        }
        String aspectRatio = text(parameters, "aspectRatio", "16:9");
        String resolution = text(parameters, "resolution", "720p");
        int seconds = parameters.has("durationSeconds") ? parameters.path("durationSeconds").asInt(-1) : 8;
        if (!aspectRatio.equals("16:9") && !aspectRatio.equals("9:16")) {
            throw error(400, "Aspect ratio '" + aspectRatio + "' is not supported; use 16:9 or 9:16.");
        }
        FrameSize size = switch (resolution) {
            case "720p" -> new FrameSize(1280, 720);
            case "1080p" -> new FrameSize(1920, 1080);
            case "4k" -> new FrameSize(3840, 2160);
            default -> throw error(400, "Resolution '" + resolution + "' is not supported; use 720p, 1080p or 4k.");
        };
        if (model.startsWith("veo-2") && !resolution.equals("720p")) {
            throw error(400, "Resolution '" + resolution + "' is not supported by " + model + ".");
        }
        if (!lengths.contains(seconds)) {
            throw error(400, "durationSeconds " + parameters.path("durationSeconds") + " is out of range for " + model
                    + "; supported: " + lengths + ".");
        }
        if (!resolution.equals("720p") && seconds != 8) {
            throw error(400, "Resolution " + resolution + " requires durationSeconds 8.");
        }
        if (aspectRatio.equals("9:16")) {
            size = new FrameSize(size.height(), size.width());
        }
        return new VideoSpec(instance.path("prompt").asText(), model, size, seconds);
    }

    private static void checkImage(JsonNode image) throws ApiException {
        String data = image.path("bytesBase64Encoded").asText("");
        String mime = image.path("mimeType").asText("");
        if (data.isEmpty() || !(mime.equals("image/png") || mime.equals("image/jpeg") || mime.equals("image/webp"))) {
            throw error(400, "* instances[0].image: bytesBase64Encoded and a mimeType of image/png, image/jpeg or"
                    + " image/webp are required.");
        }
        try {
            Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw error(400, "* instances[0].image.bytesBase64Encoded: invalid base64.");
        }
    }

    // ---- the operation ----

    private static void operation(ApiExchange exchange, String name, SimulatorState state)
            throws IOException, ApiException {
        VideoJob job = state.jobs.find(name).orElseThrow(() -> error(404, "Operation " + name + " not found."));
        JobSnapshot snapshot = state.snapshot(job);
        state.counters.statusRead(job.id());
        ObjectNode operation = Json.MAPPER.createObjectNode();
        operation.put("name", job.id());
        if (!snapshot.status().isTerminal()) {
            exchange.sendJson(200, operation);
            return;
        }
        operation.put("done", true);
        if (snapshot.status() == JobStatus.FAILED) {
            JobFailure failure = snapshot.error();
            if (failure.code() != null && failure.code().contains("moderation")) {
                ObjectNode response = response(operation);
                response.put("raiMediaFilteredCount", 1);
                response.putArray("raiMediaFilteredReasons").add(failure.message());
            } else {
                ObjectNode error = operation.putObject("error");
                error.put("code", 13); // google.rpc.Code.INTERNAL
                error.put("message", failure.message());
            }
        } else {
            // completed, or expired: the operation still names its video; the file is what goes away
            String fileId = fileId(job);
            response(operation).putArray("generatedSamples").addObject().putObject("video")
                    .put("uri", "http://" + exchange.requestHeader("Host") + PREFIX + "/files/" + fileId + DOWNLOAD
                            + "?alt=media");
        }
        exchange.sendJson(200, operation);
    }

    private static ObjectNode response(ObjectNode operation) {
        ObjectNode response = operation.putObject("response");
        response.put("@type", "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse");
        return response.putObject("generateVideoResponse");
    }

    /** A video file's id: the operation's own id (its last segment). */
    private static String fileId(VideoJob job) {
        return job.id().substring(job.id().lastIndexOf('/') + 1);
    }

    // ---- the file ----

    private static void download(ApiExchange exchange, String fileId, SimulatorState state)
            throws IOException, ApiException {
        if (!"media".equals(exchange.query().get("alt"))) {
            throw error(400, "files/" + fileId + ":download needs alt=media.");
        }
        VideoJob job = null;
        for (VideoJob candidate : state.jobs.page(true, null)) {
            if (fileId(candidate).equals(fileId)) {
                job = candidate;
                break;
            }
        }
        JobSnapshot snapshot = job == null ? null : state.snapshot(job);
        if (job == null || snapshot.status() != JobStatus.COMPLETED) {
            // not yet made, failed, or removed after two days: Google has no such file
            throw error(404, "File files/" + fileId + " not found.");
        }
        try (FileChannel mp4 = openVideo(job, state)) {
            state.counters.downloaded(job.id());
            exchange.sendFile("video/mp4", mp4);
        } catch (IOException e) {
            if (exchange.hasResponded()) {
                throw e;
            }
            LOG.log(Level.WARNING, "rendering " + job.id() + " failed", e);
            throw error(500, "The simulator could not render the video: " + e.getMessage());
        }
    }

    static FileChannel openVideo(VideoJob job, SimulatorState state) throws IOException {
        NoSuchFileException lastMiss = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Path mp4 = job.videoBytes() == null
                    ? state.renderer.video(job.size().width(), job.size().height(), job.seconds(), job.mediaPrompt())
                    : state.renderer.paddedVideo(job.size().width(), job.size().height(), job.seconds(),
                            job.mediaPrompt(), job.videoBytes());
            try {
                return FileChannel.open(mp4, StandardOpenOption.READ);
            } catch (NoSuchFileException evicted) {
                lastMiss = evicted;
            }
        }
        throw lastMiss;
    }

    // ---- helpers ----

    static ApiException error(int status, String message) {
        return new ApiException(status, statusName(status), message, null, statusName(status), null);
    }

    /** The google.rpc.Code name Google pairs with an HTTP status. */
    static String statusName(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 405 -> "UNIMPLEMENTED";
            case 409 -> "ABORTED";
            case 413 -> "INVALID_ARGUMENT";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 499 -> "CANCELLED";
            case 501 -> "UNIMPLEMENTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
    }

    private static void requireMethod(String method, String allowed, String rawPath) throws ApiException {
        if (!method.equals(allowed)) {
            throw new ApiException(405, "UNIMPLEMENTED", "Method " + method + " is not allowed on " + rawPath + ".",
                    null, "UNIMPLEMENTED", Map.of("Allow", allowed));
        }
    }

    private static ApiException notFound(String method, String rawPath) {
        return error(404, "Invalid URL (" + method + " " + rawPath + "). The Gemini dialect serves POST " + PREFIX
                + "/models/{model}:predictLongRunning, GET " + PREFIX + "/models/{model}/operations/{id} and GET "
                + PREFIX + "/files/{id}:download?alt=media.");
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static Iterable<String> iterable(JsonNode object) {
        return () -> object.fieldNames();
    }

    private static String decode(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return path;
        }
    }
}
