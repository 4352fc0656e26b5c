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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Replicate's predictions (replicate.com/docs/reference/http), protocol {@code replicate-predictions}:
 * <ul>
 * <li>create: an official model by name, {@code POST {base}/models/{owner}/{name}/predictions}, or a version,
 * {@code POST {base}/predictions} with {@code version} ({@code owner/name:<version>} or the bare 64-hex id); the body
 * {@code {"input":{..}}} with, given a callback URL, {@code webhook} and {@code webhook_events_filter: ["completed"]}
 * (replicate.com/docs/topics/webhooks/setup-webhook). Never {@code Prefer: wait}: no request is held open while a
 * model runs.</li>
 * <li>status: {@code GET {base}/predictions/{id}}: {@code starting}, {@code processing}, {@code succeeded},
 * {@code failed}, {@code canceled}, mapped here to queued, in_progress, completed, failed (canceled with error code
 * {@code canceled}).</li>
 * <li>result: {@code output}, a URL or a list of URLs (the first is the video), on Replicate's file host: streamed under
 * the safe-fetch rules, without the token. API outputs are deleted after an hour: {@code expires_at} says so, so the
 * engine's expiry rule applies.</li>
 * <li>list: {@code GET {base}/predictions} (cursor pages), for reconciling a create whose answer was lost.</li>
 * </ul>
 * Webhooks are signed with Standard Webhooks (verified by sora:webhook with the account's {@code whsec_} secret).
 */
public final class ReplicateClient extends MarketplaceClient {

    public static final String PROTOCOL = "replicate-predictions";
    /** Replicate deletes the inputs and outputs of API predictions an hour after they finish. */
    static final long OUTPUT_LIFETIME_SECONDS = 3600;
    private static final Pattern VERSION_ID = Pattern.compile("[0-9a-f]{64}");

    /** The {@code replicate-predictions} protocol family. */
    public static final class Factory implements VideoProviderFactory {
        @Override
        public String protocol() {
            return PROTOCOL;
        }

        @Override
        public VideoProvider create(ProviderProfile profile, ClientSettings settings, HttpTransport transport) {
            return new ReplicateClient(profile, settings, transport);
        }
    }


    public ReplicateClient(ProviderProfile profile, ClientSettings settings, HttpTransport transport) {
        super(profile, settings, transport);
    }

    static ObjectNode input(VideoRequest request, InputReference reference) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        mapped.put("prompt", request.prompt());
        mapped.put("duration", JsonCalls.seconds(request.seconds()));
        mapped.put("aspect_ratio", JsonCalls.aspectRatio(request.size()));
        mapped.put("resolution", JsonCalls.resolution(request.size()));
        mapped.put("start_image", JsonCalls.imageUrl(reference));
        JsonCalls.parameters(request, mapped, Map.of("negativePrompt", "negative_prompt", "seed", "seed",
                "generateAudio", "generate_audio", "aspectRatio", "aspect_ratio", "resolution", "resolution"),
                "replicate");
        return JsonCalls.input(request, mapped);
    }

    @Override
    public CompletableFuture<ApiResponse<Video>> create(VideoRequest request, InputReference reference,
                                                        List<String> characters, Deadline deadline) {
        if (characters != null && !characters.isEmpty()) {
            return CompletableFuture.failedFuture(JsonCalls.noCharacters("replicate"));
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        String path;
        try {
            String model = request.model();
            int colon = model.indexOf(':');
            if (VERSION_ID.matcher(model).matches()) {
                path = "/predictions";
                body.put("version", model);
            } else if (colon > 0) {
                path = "/predictions";
                body.put("version", model.substring(colon + 1));
            } else {
                String[] parts = model.split("/");
                if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                    throw new SoraValidationException("model", "a Replicate model is owner/name, owner/name:<version>"
                                                               + " or a version id; got '" + model + "'");
                }
                path = "/models/" + JsonCalls.encode(parts[0]) + "/" + JsonCalls.encode(parts[1]) + "/predictions";
            }
            body.set("input", input(request, reference));
        } catch (SoraValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (request.callbackUrl() != null) {
            body.put("webhook", request.callbackUrl());
            body.putArray("webhook_events_filter").add("completed");
        }
        return calls.send("POST", calls.uri(path), body, "create video", null, deadline)
                .thenApply(reply -> {
                    Video video = video(reply.json(), request);
                    if (video.id() == null || video.id().isBlank()) {
                        throw new SoraApiException("create video", 200, new ApiError("the response has no id", null,
                                null, "invalid_response"), reply.requestId(), null);
                    }
                    return reply.with(video);
                });
    }

    @Override
    public CompletableFuture<ApiResponse<Video>> retrieve(String videoId, Deadline deadline) {
        return calls.send("GET", calls.uri("/predictions/" + JsonCalls.encode(videoId)), null, "retrieve video",
                videoId, deadline).thenApply(reply -> {
                    Video video = video(reply.json(), null);
                    if (!videoId.equals(video.id())) {
                        throw new SoraApiException("retrieve video", 200, new ApiError("the response describes"
                                                                                       + " another prediction", null,
                                null, "invalid_response"), reply.requestId(), videoId);
                    }
                    return reply.with(video);
                });
    }

    /** A prediction as a neutral job. */
    static Video video(JsonNode prediction, VideoRequest request) {
        String status = JsonCalls.text(prediction, "status");
        String neutral = status == null ? null : switch (status) {
            case "starting" -> "queued";
            case "processing" -> "in_progress";
            case "succeeded" -> outputUrl(prediction.path("output")) != null ? "completed" : "failed";
            case "failed", "canceled" -> "failed";
            default -> JsonCalls.unknownStatus("replicate", status);
        };
        VideoError error = null;
        if ("failed".equals(neutral)) {
            String code = "canceled".equals(status) ? "canceled" : "succeeded".equals(status) ? "no_video"
                    : "prediction_failed";
            String message = JsonCalls.text(prediction, "error");
            error = new VideoError(code, message != null ? message : "succeeded".equals(status)
                    ? "the prediction's output names no video URL" : null);
        }
        Long created = JsonCalls.epochSeconds(prediction.get("created_at"));
        Long completed = JsonCalls.epochSeconds(prediction.get("completed_at"));
        JsonNode input = prediction.path("input");
        String model = JsonCalls.text(prediction, "model");
        return new Video(JsonCalls.text(prediction, "id"), "video",
                request != null ? request.model() : model, neutral, "completed".equals(neutral) ? 100 : null,
                created, completed, "completed".equals(neutral) && completed != null
                        ? completed + OUTPUT_LIFETIME_SECONDS : null,
                request != null ? request.prompt() : JsonCalls.text(input, "prompt"),
                request != null ? request.size() : null, request != null ? request.seconds() : null, null, error);
    }

    /** The video URL of an output: the URL itself, the first of a list, or {@code video}/{@code url} of an object. */
    static String outputUrl(JsonNode output) {
        if (output == null) {
            return null;
        }
        if (output.isTextual()) {
            return output.asText();
        }
        if (output.isArray()) {
            for (JsonNode item : output) {
                String url = outputUrl(item);
                if (url != null) {
                    return url;
                }
            }
            return null;
        }
        if (output.isObject()) {
            for (String field : List.of("video", "url", "output")) {
                String url = outputUrl(output.get(field));
                if (url != null) {
                    return url;
                }
            }
        }
        return null;
    }

    @Override
    public CompletableFuture<Download> download(String videoId, String variant, Path file, Deadline deadline) {
        if (!"video".equals(variant)) {
            return CompletableFuture.failedFuture(new SoraValidationException("variant", "Replicate outputs have no "
                                                                                         + variant));
        }
        return calls.send("GET", calls.uri("/predictions/" + JsonCalls.encode(videoId)), null, "download video",
                videoId, deadline).thenCompose(reply -> {
                    return downloadNamed(outputUrl(reply.json().path("output")), "the prediction's output", reply,
                            videoId, file, deadline);
                });
    }

    /** {@code GET {base}/predictions}, newest first; {@code after} is the previous page's {@code next} URL. */
    @Override
    public CompletableFuture<ApiResponse<VideoList>> list(String after, Integer limit, String order,
                                                          Deadline deadline) {
        java.net.URI uri = after != null && after.startsWith(calls.baseUrl() + "/")
                ? java.net.URI.create(after) : calls.uri("/predictions");
        return calls.send("GET", uri, null, "list videos", null, deadline).thenApply(reply -> {
            List<Video> videos = new ArrayList<>();
            for (JsonNode prediction : reply.json().path("results")) {
                Video video = video(prediction, null);
                // the list names the model without the version a create may have named: leave it out, so that a
                // lost create is recognised by its prompt and time (the reconciler takes a missing model as a match)
                videos.add(new Video(video.id(), video.object(), null, video.status(), video.progress(),
                        video.createdAt(), video.completedAt(), video.expiresAt(), video.prompt(), video.size(),
                        video.seconds(), video.remixedFromVideoId(), video.error()));
            }
            String next = JsonCalls.text(reply.json(), "next");
            return reply.with(new VideoList("list", videos, videos.isEmpty() ? null : videos.get(0).id(), next,
                    next != null));
        });
    }

    /** {@code POST {base}/predictions/{id}/cancel}: Replicate keeps no delete; a running prediction is canceled. */
    @Override
    public CompletableFuture<ApiResponse<DeletedVideo>> delete(String videoId, Deadline deadline) {
        return calls.send("POST", calls.uri("/predictions/" + JsonCalls.encode(videoId) + "/cancel"), null,
                "cancel video", videoId, deadline)
                .thenApply(reply -> reply.with(new DeletedVideo(videoId, "video.deleted", true)));
    }
}
