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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The model marketplaces' own job APIs, written from their docs: fal's queue (docs.fal.ai/model-endpoints/queue),
 * Replicate's predictions (replicate.com/docs/reference/http) and BytePlus ModelArk's content generation tasks. Jobs
 * share the simulator's clock-driven lifecycle, renderer, counters and prompt rules; only the wire differs. Results
 * are named by URL on a "media host" ({@code localhost} where the API is {@code 127.0.0.1}: another origin, reached
 * without credentials), and callbacks go to the URL each create names, signed as each service signs them
 * ({@link CallbackSender}).
 */
final class MarketplaceRouter implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(MarketplaceRouter.class.getName());
    static final String MEDIA_PREFIX = "/media/";
    static final String JWKS_PATH = "/.well-known/jwks.json";
    /** ModelArk keeps a task's video URL 24 hours; Replicate an API prediction's output one hour. */
    static final long BYTEPLUS_URL_LIFETIME = 24 * 3600;
    static final long REPLICATE_OUTPUT_LIFETIME = 3600;

    private final SimulatorState state;
    private final CallbackSender callbacks;
    private final VideoContentHandler content;
    private volatile int port;

    MarketplaceRouter(SimulatorState state, CallbackSender callbacks) {
        this.state = state;
        this.callbacks = callbacks;
        this.content = new VideoContentHandler(state);
    }

    void port(int port) {
        this.port = port;
    }

    /** Where a job's video is served: the media host, another origin than the API's. */
    String mediaUrl(String id) {
        return "http://localhost:" + port + MEDIA_PREFIX + encode(id) + ".mp4";
    }

    @Override
    public void handle(HttpExchange http) {
        ApiExchange exchange = new ApiExchange(http);
        try {
            state.counters.request();
            String proxied = exchange.requestHeader("X-Fal-Target-Url");
            if (state.dialect == Dialect.FAL && proxied != null) {
                // fal's clients can send through a proxy that forwards to the X-Fal-Target-Url it is given (fal's
                // server-side proxy, docs.fal.ai/model-endpoints/server-side); the simulator is that proxy too
                exchange.retarget(java.net.URI.create(proxied));
            }
            String path = exchange.rawPath();
            if (path.equals(JWKS_PATH) && exchange.method().equals("GET")) {
                exchange.sendBytes(200, "application/json", callbacks.jwks());
                return;
            }
            if (path.startsWith(MEDIA_PREFIX) && path.endsWith(".mp4") && exchange.method().equals("GET")) {
                // the media host: no credential, as fal's, Replicate's and ModelArk's file hosts
                String id = decode(path.substring(MEDIA_PREFIX.length(), path.length() - 4));
                if (fault(exchange, Route.CONTENT)) {
                    return;
                }
                content.handle(exchange, id);
                return;
            }
            authenticate(exchange);
            switch (state.dialect) {
                case FAL -> fal(exchange, path);
                case REPLICATE -> replicate(exchange, path);
                default -> byteplus(exchange, path);
            }
        } catch (ApiException e) {
            answer(exchange, e);
        } catch (IOException | RuntimeException e) {
            if (!exchange.hasResponded()) {
                LOG.log(Level.ERROR, "request " + exchange.requestId() + " failed", e);
                answer(exchange, new ApiException(500, "server_error", "The simulator failed ("
                        + e.getClass().getSimpleName() + ")", null, null, null));
            }
        } finally {
            if (state.recorder.enabled()) {
                state.recorder.add(exchange.recorded());
            }
            http.close();
        }
    }

    /** Answers a queued fault of the route, if any; true when the request is done with. */
    private boolean fault(ApiExchange exchange, Route route) throws ApiException {
        FaultInjector.Fault fault = state.faults.next(route).orElse(null);
        if (fault instanceof FaultInjector.Error error) {
            throw error.error();
        }
        if (fault instanceof FaultInjector.Drop drop) {
            exchange.dropResponse();
            return !drop.afterProcessing();
        }
        if (fault instanceof FaultInjector.Truncate truncate) {
            exchange.truncateBody(truncate.fraction());
        }
        return false;
    }

    private void authenticate(ApiExchange exchange) throws ApiException {
        String scheme = state.dialect == Dialect.FAL ? "Key " : "Bearer ";
        String authorization = exchange.requestHeader("Authorization");
        String given = authorization == null ? "" : authorization.trim();
        if (!given.regionMatches(true, 0, scheme, 0, scheme.length())
            || !MessageDigest.isEqual(given.substring(scheme.length()).trim().getBytes(StandardCharsets.UTF_8),
                    state.apiKey.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, ApiException.INVALID_REQUEST, "Missing or invalid credentials: send"
                    + " Authorization: " + scheme + "<key>.", null, "unauthorized", null);
        }
    }

    // ---- fal ----

    private void fal(ApiExchange exchange, String path) throws IOException, ApiException {
        int requests = path.indexOf("/requests/");
        if (requests < 0) {
            if (!exchange.method().equals("POST")) {
                throw methodNotAllowed(exchange, "POST");
            }
            if (fault(exchange, Route.CREATE)) {
                return;
            }
            String model = decode(path.substring(1));
            String[] segments = model.split("/");
            if (segments.length < 2) {
                throw ApiException.notFound("Application '" + model + "' not found", null);
            }
            JsonNode input = readJson(exchange);
            VideoSpec spec = spec(input.path("prompt"), model, input.path("aspect_ratio"), input.path("resolution"),
                    input.path("duration"), 5);
            String requestId = UUID.randomUUID().toString();
            String app = segments[0] + "/" + segments[1];
            VideoJob job = state.createJob(requestId, spec, null, 0);
            String webhook = exchange.query().get("fal_webhook");
            if (webhook != null) {
                callbacks.schedule(job, webhook);
            }
            String base = "http://127.0.0.1:" + port + "/" + app + "/requests/" + requestId;
            ObjectNode answer = Json.MAPPER.createObjectNode();
            answer.put("status", "IN_QUEUE");
            answer.put("request_id", requestId);
            answer.put("gateway_request_id", requestId);
            answer.put("queue_position", 0);
            answer.put("response_url", base);
            answer.put("status_url", base + "/status");
            answer.put("cancel_url", base + "/cancel");
            exchange.sendJson(200, answer);
            return;
        }
        String rest = path.substring(requests + "/requests/".length());
        String[] parts = rest.split("/");
        String requestId = decode(parts[0]);
        VideoJob job = state.jobs.find(requestId).orElseThrow(() -> ApiException.notFound("Request '" + requestId
                + "' not found", null));
        // fal names the request on its answers (its clients read it from the result's headers)
        exchange.setHeader("X-Fal-Request-Id", requestId);
        if (parts.length == 2 && parts[1].equals("status") && exchange.method().equals("GET")) {
            if (fault(exchange, Route.RETRIEVE)) {
                return;
            }
            state.counters.statusRead(requestId);
            exchange.sendJson(200, falStatus(job, state.snapshot(job)));
        } else if (parts.length == 1 && exchange.method().equals("GET")) {
            if (fault(exchange, Route.RETRIEVE)) {
                return;
            }
            JobSnapshot snapshot = state.snapshot(job);
            if (!snapshot.status().isTerminal()) {
                throw new ApiException(400, ApiException.INVALID_REQUEST, "Request is still in progress", null,
                        "request_in_progress", null);
            }
            if (snapshot.status() == JobStatus.FAILED) {
                ObjectNode detail = Json.MAPPER.createObjectNode();
                detail.put("detail", snapshot.error().message());
                detail.put("error_type", snapshot.error().code());
                exchange.sendJson(422, detail);
                return;
            }
            exchange.sendJson(200, falOutput(job));
        } else if (parts.length == 2 && parts[1].equals("cancel") && exchange.method().equals("PUT")) {
            JobSnapshot snapshot = state.snapshot(job);
            ObjectNode answer = Json.MAPPER.createObjectNode();
            answer.put("status", snapshot.status().isTerminal() ? "ALREADY_COMPLETED" : "CANCELLATION_REQUESTED");
            exchange.sendJson(snapshot.status().isTerminal() ? 400 : 202, answer);
        } else {
            throw ApiException.notFound("Invalid URL (" + exchange.method() + " " + path + ")", null);
        }
    }

    ObjectNode falStatus(VideoJob job, JobSnapshot snapshot) {
        ObjectNode status = Json.MAPPER.createObjectNode();
        status.put("status", switch (snapshot.status()) {
            case QUEUED -> "IN_QUEUE";
            case IN_PROGRESS -> "IN_PROGRESS";
            default -> "COMPLETED";
        });
        if (snapshot.status() == JobStatus.QUEUED) {
            status.put("queue_position", 0);
        }
        status.put("request_id", job.id());
        status.putNull("logs");
        return status;
    }

    ObjectNode falOutput(VideoJob job) {
        ObjectNode output = Json.MAPPER.createObjectNode();
        ObjectNode video = output.putObject("video");
        video.put("url", mediaUrl(job.id()));
        video.put("content_type", "video/mp4");
        video.put("file_name", "output.mp4");
        output.put("seed", job.sequence());
        return output;
    }

    // ---- Replicate ----

    private void replicate(ApiExchange exchange, String path) throws IOException, ApiException {
        if (!path.startsWith("/v1/")) {
            throw ApiException.notFound("Invalid URL (" + exchange.method() + " " + path + ")", null);
        }
        String rest = path.substring(3);
        if (exchange.method().equals("POST") && (rest.equals("/predictions")
                                                 || rest.matches("/models/[^/]+/[^/]+/predictions"))) {
            if (fault(exchange, Route.CREATE)) {
                return;
            }
            if (exchange.requestHeader("Prefer") != null) {
                LOG.log(Level.WARNING, "a create asked to be held open: Prefer " + exchange.requestHeader("Prefer"));
            }
            JsonNode body = readJson(exchange);
            String model;
            if (rest.equals("/predictions")) {
                String version = body.path("version").asText("");
                if (version.isEmpty()) {
                    throw ApiException.invalidRequest("version is required", "version", "invalid_version");
                }
                model = version.contains(":") ? version : "replicate/model:" + version;
            } else {
                String[] p = rest.split("/");
                model = decode(p[2]) + "/" + decode(p[3]);
            }
            JsonNode input = body.path("input");
            if (!input.isObject()) {
                throw ApiException.invalidRequest("input is required", "input", "invalid_input");
            }
            VideoSpec spec = spec(input.path("prompt"), model, input.path("aspect_ratio"), input.path("resolution"),
                    input.path("duration"), 5);
            VideoJob job = state.createJob(replicateId(), spec, null, 0);
            String webhook = body.path("webhook").isTextual() ? body.path("webhook").asText() : null;
            if (webhook != null) {
                callbacks.schedule(job, webhook);
            }
            exchange.sendJson(201, prediction(job, state.snapshot(job), input));
            return;
        }
        if (rest.equals("/predictions") && exchange.method().equals("GET")) {
            ObjectNode page = Json.MAPPER.createObjectNode();
            ArrayNode results = page.putArray("results");
            List<VideoJob> all = state.jobs.createdIds().stream().map(id -> state.jobs.find(id).orElse(null))
                    .filter(java.util.Objects::nonNull).toList();
            for (int i = all.size() - 1; i >= 0; i--) {
                results.add(prediction(all.get(i), state.snapshot(all.get(i)), null));
            }
            page.putNull("next");
            page.putNull("previous");
            exchange.sendJson(200, page);
            return;
        }
        String[] parts = rest.split("/");
        if (parts.length >= 3 && parts[1].equals("predictions")) {
            String id = decode(parts[2]);
            VideoJob job = state.jobs.find(id).orElseThrow(() -> ApiException.notFound("Prediction not found", null));
            if (parts.length == 3 && exchange.method().equals("GET")) {
                if (fault(exchange, Route.RETRIEVE)) {
                    return;
                }
                state.counters.statusRead(id);
                exchange.sendJson(200, prediction(job, state.snapshot(job), null));
                return;
            }
            if (parts.length == 4 && parts[3].equals("cancel") && exchange.method().equals("POST")) {
                exchange.sendJson(200, prediction(job, state.snapshot(job), null));
                return;
            }
        }
        throw ApiException.notFound("Invalid URL (" + exchange.method() + " " + path + ")", null);
    }

    private static String replicateId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 26; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    ObjectNode prediction(VideoJob job, JobSnapshot snapshot, JsonNode input) {
        ObjectNode prediction = Json.MAPPER.createObjectNode();
        prediction.put("id", job.id());
        String model = job.model();
        int colon = model.indexOf(':');
        prediction.put("model", colon > 0 ? model.substring(0, colon) : model);
        prediction.put("version", colon > 0 ? model.substring(colon + 1) : "hidden");
        if (input != null) {
            prediction.set("input", input);
        } else {
            prediction.putObject("input").put("prompt", job.prompt());
        }
        prediction.put("created_at", job.createdAt().toString());
        prediction.put("status", switch (snapshot.status()) {
            case QUEUED -> "starting";
            case IN_PROGRESS -> "processing";
            case COMPLETED, EXPIRED -> "succeeded";
            default -> "failed";
        });
        if (snapshot.status() == JobStatus.COMPLETED || snapshot.status() == JobStatus.EXPIRED) {
            prediction.put("output", mediaUrl(job.id()));
        } else {
            prediction.putNull("output");
        }
        if (snapshot.status() == JobStatus.FAILED) {
            prediction.put("error", snapshot.error().message());
        } else {
            prediction.putNull("error");
        }
        if (snapshot.status().isTerminal()) {
            // an asset lifetime rule compresses Replicate's hour: completed_at is set so that the hour ends then
            long completed = snapshot.expiresAt() != null && snapshot.status() != JobStatus.FAILED
                    ? snapshot.expiresAt() - REPLICATE_OUTPUT_LIFETIME : snapshot.completedAt();
            prediction.put("completed_at", Instant.ofEpochSecond(completed).toString());
        }
        prediction.put("logs", "");
        ObjectNode urls = prediction.putObject("urls");
        urls.put("get", "http://127.0.0.1:" + port + "/v1/predictions/" + job.id());
        urls.put("cancel", "http://127.0.0.1:" + port + "/v1/predictions/" + job.id() + "/cancel");
        return prediction;
    }

    // ---- BytePlus ModelArk ----

    private void byteplus(ApiExchange exchange, String path) throws IOException, ApiException {
        String prefix = "/api/v3/contents/generations/tasks";
        if (!path.equals(prefix) && !path.startsWith(prefix + "/")) {
            throw ApiException.notFound("Invalid URL (" + exchange.method() + " " + path + ")", null);
        }
        if (path.equals(prefix) && exchange.method().equals("POST")) {
            if (fault(exchange, Route.CREATE)) {
                return;
            }
            JsonNode body = readJson(exchange);
            String prompt = null;
            for (JsonNode item : body.path("content")) {
                if ("text".equals(item.path("type").asText())) {
                    prompt = item.path("text").asText();
                }
            }
            String model = body.path("model").asText("");
            if (model.isEmpty()) {
                throw ApiException.invalidRequest("model is required", "model", "MissingParameter");
            }
            VideoSpec spec = spec(prompt == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                    : Json.MAPPER.getNodeFactory().textNode(prompt), model, body.path("ratio"), body.path("resolution"),
                    body.path("duration"), 5);
            String id = "cgt-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                    .withZone(java.time.ZoneOffset.UTC).format(state.clock.instant()) + "-"
                    + ApiExchange.randomHex().substring(0, 5);
            VideoJob job = state.createJob(id, spec, null, 0);
            if (body.path("callback_url").isTextual()) {
                callbacks.schedule(job, body.path("callback_url").asText());
            }
            ObjectNode answer = Json.MAPPER.createObjectNode();
            answer.put("id", id);
            exchange.sendJson(200, answer);
            return;
        }
        if (path.equals(prefix) && exchange.method().equals("GET")) {
            Map<String, String> query = exchange.query();
            int page = Integer.parseInt(query.getOrDefault("page_num", "1"));
            int size = Integer.parseInt(query.getOrDefault("page_size", "20"));
            List<String> ids = state.jobs.createdIds();
            ObjectNode answer = Json.MAPPER.createObjectNode();
            ArrayNode items = answer.putArray("items");
            List<VideoJob> all = ids.stream().map(i -> state.jobs.find(i).orElse(null))
                    .filter(java.util.Objects::nonNull).toList();
            int from = (page - 1) * size;
            for (int i = all.size() - 1 - from; i >= 0 && i > all.size() - 1 - from - size; i--) {
                items.add(task(all.get(i), state.snapshot(all.get(i))));
            }
            answer.put("total", all.size());
            exchange.sendJson(200, answer);
            return;
        }
        String id = decode(path.substring(prefix.length() + 1));
        VideoJob job = state.jobs.find(id).orElseThrow(() -> ApiException.notFound("The specified task "
                + id + " is not found", "ResourceNotFound"));
        if (exchange.method().equals("GET")) {
            if (fault(exchange, Route.RETRIEVE)) {
                return;
            }
            state.counters.statusRead(id);
            exchange.sendJson(200, task(job, state.snapshot(job)));
        } else if (exchange.method().equals("DELETE")) {
            JobSnapshot snapshot = state.snapshot(job);
            if (snapshot.status() == JobStatus.IN_PROGRESS) {
                throw new ApiException(409, ApiException.INVALID_REQUEST, "A running task can be neither cancelled"
                        + " nor deleted", null, "InvalidAction.TaskRunning", null);
            }
            if (snapshot.status() == JobStatus.QUEUED) {
                cancelled.add(id);
            } else {
                state.jobs.remove(id);
            }
            exchange.sendBytes(200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        } else {
            throw methodNotAllowed(exchange, "GET, DELETE");
        }
    }

    /** ModelArk tasks cancelled while queued. */
    private final java.util.Set<String> cancelled = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ObjectNode task(VideoJob job, JobSnapshot snapshot) {
        ObjectNode task = Json.MAPPER.createObjectNode();
        task.put("id", job.id());
        task.put("model", job.model());
        boolean cancel = cancelled.contains(job.id());
        task.put("status", cancel ? "cancelled" : switch (snapshot.status()) {
            case QUEUED -> "queued";
            case IN_PROGRESS -> "running";
            case COMPLETED, EXPIRED -> "succeeded";
            default -> "failed";
        });
        if (!cancel && (snapshot.status() == JobStatus.COMPLETED || snapshot.status() == JobStatus.EXPIRED)) {
            task.putObject("content").put("video_url", mediaUrl(job.id()));
        }
        if (!cancel && snapshot.status() == JobStatus.FAILED) {
            ObjectNode error = task.putObject("error");
            error.put("code", snapshot.error().code());
            error.put("message", snapshot.error().message());
        }
        task.put("created_at", job.createdAt().getEpochSecond());
        long updated = snapshot.completedAt() != null ? snapshot.completedAt() : job.createdAt().getEpochSecond();
        if (!cancel && snapshot.expiresAt() != null && snapshot.status() != JobStatus.FAILED
            && snapshot.expiresAt() - snapshot.completedAt() != JobLifecycle.ASSET_LIFETIME_SECONDS) {
            // an asset lifetime rule compresses ModelArk's 24 hours: updated_at is set so that they end then
            updated = snapshot.expiresAt() - BYTEPLUS_URL_LIFETIME;
        }
        task.put("updated_at", updated);
        task.put("ratio", job.size().width() == job.size().height() ? "1:1"
                : job.size().width() > job.size().height() ? "16:9" : "9:16");
        task.put("resolution", Math.min(job.size().width(), job.size().height()) + "p");
        task.put("duration", job.seconds());
        if (snapshot.status() == JobStatus.COMPLETED) {
            task.putObject("usage").put("completion_tokens", 100_000).put("total_tokens", 100_000);
        }
        return task;
    }

    // ---- shared ----

    /** The job's spec from the fields these APIs take: ratio and resolution give the size, duration the seconds. */
    private static VideoSpec spec(JsonNode prompt, String model, JsonNode ratio, JsonNode resolution,
                                  JsonNode duration, int defaultSeconds) throws ApiException {
        if (!prompt.isTextual() || prompt.asText().isBlank()) {
            throw ApiException.invalidRequest("prompt is required", "prompt", "missing_prompt");
        }
        int shortSide = 720;
        if (resolution.isTextual()) {
            String text = resolution.asText().toLowerCase(Locale.ROOT).replace("p", "");
            try {
                shortSide = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw ApiException.invalidValue("resolution", resolution.asText(), "'480p', '720p', '1080p'");
            }
        }
        int width = shortSide * 16 / 9;
        int height = shortSide;
        if (ratio.isTextual()) {
            String[] wh = ratio.asText().split(":");
            try {
                int w = Integer.parseInt(wh[0]);
                int h = Integer.parseInt(wh[1]);
                if (w >= h) {
                    height = shortSide;
                    width = shortSide * w / h;
                } else {
                    width = shortSide;
                    height = shortSide * h / w;
                }
            } catch (RuntimeException e) {
                throw ApiException.invalidValue("aspect_ratio", ratio.asText(), "'16:9', '9:16', '1:1'");
            }
        }
        int seconds = defaultSeconds;
        if (!duration.isMissingNode() && !duration.isNull()) {
            try {
                seconds = Integer.parseInt(duration.asText().replace("s", "").trim());
            } catch (NumberFormatException e) {
                throw ApiException.invalidValue("duration", duration.asText(), "a number of seconds");
            }
        }
        if (seconds < 1 || seconds > 20) {
            throw ApiException.invalidValue("duration", Integer.toString(seconds), "1 to 20 seconds");
        }
        return new VideoSpec(prompt.asText(), model, new FrameSize(width - width % 2, height - height % 2), seconds);
    }

    private static JsonNode readJson(ApiExchange exchange) throws IOException, ApiException {
        byte[] body = exchange.readBody();
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw ApiException.invalidRequest("The body must be a JSON object.", null, "invalid_json");
            }
            return json;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.invalidRequest("The body is not JSON.", null, "invalid_json");
        }
    }

    private static ApiException methodNotAllowed(ApiExchange exchange, String allowed) {
        return new ApiException(405, ApiException.INVALID_REQUEST, "Method " + exchange.method() + " is not allowed on "
                + exchange.rawPath(), null, "method_not_allowed", Map.of("Allow", allowed));
    }

    private void answer(ApiExchange exchange, ApiException error) {
        try {
            exchange.sendError(error);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not answer " + exchange.requestId(), e);
        }
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
