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
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Veo on Vertex AI, as Google documents it (cloud.google.com/vertex-ai/generative-ai/docs/model-reference/
 * veo-video-generation: the request body, {@code fetchPredictOperation}, the response's
 * {@code videos[].bytesBase64Encoded} or {@code videos[].gcsUri} when {@code storageUri} is given,
 * {@code raiMediaFilteredCount}/{@code raiMediaFilteredReasons}; cloud.google.com/storage/docs/json_api/v1/objects/get
 * for reading a result from Cloud Storage; the google-genai SDK's {@code generateVideosParametersToVertex} and
 * {@code privateFetchPredictVideosOperation}):
 * <ul>
 * <li>{@code POST /v1/projects/{p}/locations/{l}/publishers/google/models/{model}:predictLongRunning} answers
 * {@code {"name": "projects/{p}/locations/{l}/publishers/google/models/{model}/operations/{uuid}"}};</li>
 * <li>{@code POST .../models/{model}:fetchPredictOperation} with {@code {"operationName"}}: the operation, the video
 * inline as base64 or, with {@code storageUri}, as {@code gs://...};</li>
 * <li>{@code GET /download/storage/v1/b/{bucket}/o/{object}?alt=media}: an object the simulator "wrote" (the MP4), as
 * the Cloud Storage JSON API serves it (on the same host here).</li>
 * </ul>
 * Auth is an OAuth2 access token, {@code Authorization: Bearer} (the simulator's key stands for it); errors are
 * Google's shape.
 */
final class VertexDialect {

    static final String PREFIX = "/v1/projects/sim-project/locations/us-central1";
    private static final String STORAGE = "/download/storage/v1/b/";
    private static final String PREDICT = ":predictLongRunning";
    private static final String FETCH = ":fetchPredictOperation";
    private static final Map<String, List<Integer>> MODELS = Map.of(
            "veo-3.1-generate-001", List.of(4, 6, 8),
            "veo-3.1-fast-generate-001", List.of(4, 6, 8),
            "veo-3.1-lite-generate-001", List.of(4, 6, 8),
            "veo-3.0-generate-001", List.of(4, 6, 8),
            "veo-3.0-fast-generate-001", List.of(4, 6, 8),
            "veo-2.0-generate-001", List.of(5, 6, 7, 8));
    private static final Set<String> PARAMETERS = Set.of("aspectRatio", "resolution", "durationSeconds",
            "negativePrompt", "personGeneration", "sampleCount", "seed", "generateAudio", "storageUri",
            "enhancePrompt", "compressionQuality");

    private VertexDialect() {
    }

    static GeminiDialect.Target resolve(String method, String rawPath) throws ApiException {
        if (rawPath.startsWith(STORAGE)) {
            requireMethod(method, "GET");
            return new GeminiDialect.Target(Route.CONTENT, rawPath.substring(STORAGE.length()));
        }
        String models = PREFIX + "/publishers/google/models/";
        if (rawPath.startsWith(models)) {
            String rest = rawPath.substring(models.length());
            if (rest.endsWith(PREDICT) && rest.indexOf('/') < 0) {
                requireMethod(method, "POST");
                return new GeminiDialect.Target(Route.CREATE, rest.substring(0, rest.length() - PREDICT.length()));
            }
            if (rest.endsWith(FETCH) && rest.indexOf('/') < 0) {
                requireMethod(method, "POST");
                return new GeminiDialect.Target(Route.RETRIEVE, rest.substring(0, rest.length() - FETCH.length()));
            }
        }
        throw GeminiDialect.error(404, "Invalid URL (" + method + " " + rawPath + "). The Vertex dialect serves POST "
                + models + "{model}:predictLongRunning and :fetchPredictOperation, and GET " + STORAGE
                + "{bucket}/o/{object}?alt=media.");
    }

    /** An access token as a bearer token: none or a wrong one is 401, as Google answers. */
    static void authenticate(ApiExchange exchange, SimulatorState state) throws ApiException {
        String authorization = exchange.requestHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw GeminiDialect.error(401, "Request is missing required authentication credential. Expected OAuth 2"
                    + " access token, login cookie or other valid authentication credential.");
        }
        if (!MessageDigest.isEqual(authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                state.apiKey.getBytes(StandardCharsets.UTF_8))) {
            throw GeminiDialect.error(401, "Request had invalid authentication credentials. Expected OAuth 2 access"
                    + " token, login cookie or other valid authentication credential.");
        }
    }

    static EndpointHandler handler(Route route, SimulatorState state) {
        return switch (route) {
            case CREATE -> (exchange, model) -> create(exchange, model, state);
            case RETRIEVE -> (exchange, model) -> fetch(exchange, model, state);
            case CONTENT -> (exchange, object) -> object(exchange, object, state);
            default -> throw new IllegalArgumentException(route.name());
        };
    }

    private static void create(ApiExchange exchange, String model, SimulatorState state)
            throws IOException, ApiException {
        VideoSpec spec = GeminiDialect.spec(exchange, model, MODELS, PARAMETERS, "v1");
        JsonNode parameters = Json.MAPPER.readTree(exchange.recordedBody()).path("parameters");
        String storageUri = parameters.path("storageUri").asText(null);
        if (storageUri != null && (!storageUri.startsWith("gs://") || storageUri.length() <= 5)) {
            throw GeminiDialect.error(400, "storageUri must be a gs:// URI, got '" + storageUri + "'.");
        }
        String name = PREFIX.substring(1 + "v1/".length()) + "/publishers/google/models/" + model + "/operations/"
                + UUID.randomUUID();
        VideoJob job = state.createJob(name, spec, null, 0);
        if (storageUri != null) {
            String prefix = storageUri.endsWith("/") ? storageUri : storageUri + "/";
            state.outputs.put(job.id(), prefix + name.substring(name.lastIndexOf('/') + 1) + "/sample_0.mp4");
        }
        ObjectNode operation = Json.MAPPER.createObjectNode();
        operation.put("name", name);
        exchange.sendJson(200, operation);
    }

    private static void fetch(ApiExchange exchange, String model, SimulatorState state)
            throws IOException, ApiException {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(exchange.readBody());
        } catch (IOException e) {
            throw GeminiDialect.error(400, "Invalid JSON payload received.");
        }
        String name = body == null ? "" : body.path("operationName").asText("");
        VideoJob job = state.jobs.find(name).orElseThrow(() -> GeminiDialect.error(404, "Operation \"" + name
                + "\" not found."));
        if (!job.model().equals(model)) {
            throw GeminiDialect.error(400, "Operation " + name + " does not belong to model " + model + ".");
        }
        JobSnapshot snapshot = state.snapshot(job);
        state.counters.statusRead(job.id());
        ObjectNode operation = Json.MAPPER.createObjectNode();
        operation.put("name", job.id());
        if (!snapshot.status().isTerminal()) {
            exchange.sendJson(200, operation);
            return;
        }
        operation.put("done", true);
        if (snapshot.status() == JobStatus.FAILED && !snapshot.error().code().contains("moderation")) {
            ObjectNode error = operation.putObject("error");
            error.put("code", 13);
            error.put("message", snapshot.error().message());
            exchange.sendJson(200, operation);
            return;
        }
        ObjectNode response = operation.putObject("response");
        response.put("@type", "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse");
        if (snapshot.status() == JobStatus.FAILED) {
            response.put("raiMediaFilteredCount", 1);
            response.putArray("raiMediaFilteredReasons").add(snapshot.error().message());
            response.putArray("videos");
            exchange.sendJson(200, operation);
            return;
        }
        response.put("raiMediaFilteredCount", 0);
        ObjectNode video = response.putArray("videos").addObject();
        String gcsUri = state.outputs.get(job.id());
        if (gcsUri != null) {
            video.put("gcsUri", gcsUri);
        } else {
            try (FileChannel mp4 = GeminiDialect.openVideo(job, state); InputStream in = Channels.newInputStream(mp4)) {
                video.put("bytesBase64Encoded", Base64.getEncoder().encodeToString(in.readAllBytes()));
            }
            state.counters.downloaded(job.id());
        }
        video.put("mimeType", "video/mp4");
        exchange.sendJson(200, operation);
    }

    /** {@code {bucket}/o/{object}}: an object one of the jobs wrote. */
    private static void object(ApiExchange exchange, String path, SimulatorState state)
            throws IOException, ApiException {
        int o = path.indexOf("/o/");
        if (o <= 0 || !"media".equals(exchange.query().get("alt"))) {
            throw GeminiDialect.error(400, "Expected {bucket}/o/{object}?alt=media.");
        }
        String gcsUri = "gs://" + decode(path.substring(0, o)) + "/" + decode(path.substring(o + 3));
        for (Map.Entry<String, String> entry : state.outputs.entrySet()) {
            if (entry.getValue().equals(gcsUri)) {
                VideoJob job = state.jobs.find(entry.getKey()).orElse(null);
                if (job != null && state.snapshot(job).status() == JobStatus.COMPLETED) {
                    try (FileChannel mp4 = GeminiDialect.openVideo(job, state)) {
                        state.counters.downloaded(job.id());
                        exchange.sendFile("video/mp4", mp4);
                        return;
                    }
                }
            }
        }
        throw GeminiDialect.error(404, "No such object: " + gcsUri.substring(5));
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void requireMethod(String method, String allowed) throws ApiException {
        if (!method.equals(allowed)) {
            throw new ApiException(405, "UNIMPLEMENTED", "Method " + method + " is not allowed.", null,
                    "UNIMPLEMENTED", Map.of("Allow", allowed));
        }
    }
}
