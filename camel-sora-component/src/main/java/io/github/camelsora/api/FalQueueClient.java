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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * fal.ai's queue API (docs.fal.ai/model-endpoints/queue), protocol {@code fal-queue}:
 * <ul>
 * <li>submit: {@code POST {base}/{model id}} with the model's input as the JSON body and
 * {@code Authorization: Key <FAL_KEY>}; with a callback URL, {@code ?fal_webhook=<url>}
 * (docs.fal.ai/model-endpoints/webhooks). The answer names {@code request_id}.</li>
 * <li>status: {@code GET {base}/{app}/requests/{request_id}/status}: {@code IN_QUEUE}, {@code IN_PROGRESS},
 * {@code COMPLETED} (for a failed request too); the result: {@code GET {base}/{app}/requests/{request_id}}, the model's
 * output, for a video model {@code {"video":{"url":..}}}, or an error status with {@code detail}. {@code app} is the
 * model id's first two segments ({@code fal-ai/kling-video} of {@code fal-ai/kling-video/v2.1/standard/text-to-video}),
 * as fal's clients use it.</li>
 * </ul>
 * The job id this component records is {@code {app}/requests/{request_id}}: everything a later status request needs,
 * after a restart too. The status words are mapped here to the neutral ones ({@code queued}, {@code in_progress},
 * {@code completed}, {@code failed}); a completed request is completed only once its result holds a video URL. The
 * video itself lives on fal's media host and is streamed under the safe-fetch rules, without the key.
 */
public final class FalQueueClient extends MarketplaceClient {

    public static final String PROTOCOL = "fal-queue";

    /** The {@code fal-queue} protocol family. */
    public static final class Factory implements VideoProviderFactory {
        @Override
        public String protocol() {
            return PROTOCOL;
        }

        @Override
        public VideoProvider create(ProviderProfile profile, ClientSettings settings, HttpTransport transport) {
            return new FalQueueClient(profile, settings, transport);
        }
    }


    public FalQueueClient(ProviderProfile profile, ClientSettings settings, HttpTransport transport) {
        super(profile, settings, transport);
    }

    /** The queue's app of a model id: its first two path segments. */
    static String app(String modelId) {
        String[] parts = modelId.split("/");
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new SoraValidationException("model", "a fal model id has the form owner/app[/path], e.g."
                                                       + " fal-ai/kling-video/v2.1/standard/text-to-video; got '"
                                                       + modelId + "'");
        }
        return parts[0] + "/" + parts[1];
    }

    /** The model's input: prompt, duration, aspect ratio, resolution and start image, then the provider options over them. */
    static ObjectNode input(VideoRequest request, InputReference reference) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        mapped.put("prompt", request.prompt());
        // fal's video models take the duration as a string of seconds ("5", "10")
        mapped.put("duration", request.seconds());
        mapped.put("aspect_ratio", JsonCalls.aspectRatio(request.size()));
        mapped.put("resolution", JsonCalls.resolution(request.size()));
        mapped.put("image_url", JsonCalls.imageUrl(reference));
        JsonCalls.parameters(request, mapped, Map.of("negativePrompt", "negative_prompt", "seed", "seed",
                "generateAudio", "generate_audio", "aspectRatio", "aspect_ratio", "resolution", "resolution"), "fal");
        return JsonCalls.input(request, mapped);
    }

    @Override
    public CompletableFuture<ApiResponse<Video>> create(VideoRequest request, InputReference reference,
                                                        List<String> characters, Deadline deadline) {
        if (characters != null && !characters.isEmpty()) {
            return CompletableFuture.failedFuture(JsonCalls.noCharacters("fal"));
        }
        String app;
        ObjectNode body;
        try {
            app = app(request.model());
            body = input(request, reference);
        } catch (SoraValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        StringBuilder path = new StringBuilder("/").append(request.model());
        if (request.callbackUrl() != null) {
            // the callback names the request id only: the rest of our job id rides on the URL we give
            String callback = request.callbackUrl() + (request.callbackUrl().contains("?") ? "&" : "?")
                              + "sora_job_prefix=" + JsonCalls.encode(app + "/requests/");
            path.append("?fal_webhook=").append(JsonCalls.encode(callback));
        }
        return calls.send("POST", calls.uri(path.toString()), body, "create video", null, deadline)
                .thenApply(reply -> {
                    String requestId = JsonCalls.text(reply.json(), "request_id");
                    if (requestId == null || requestId.isBlank()) {
                        throw new SoraApiException("create video", 200, new ApiError("the response has no request_id",
                                null, null, "invalid_response"), reply.requestId(), null);
                    }
                    String id = app + "/requests/" + requestId;
                    return reply.with(new Video(id, "video", request.model(), "queued", 0, null, null, null,
                            request.prompt(), request.size(), request.seconds(), null, null));
                });
    }

    /** {@code {app}/requests/{request_id}} -> the request id; a bare id is refused (its app is unknown). */
    private static String[] parseId(String videoId) {
        int at = videoId.lastIndexOf("/requests/");
        if (at <= 0 || at + "/requests/".length() >= videoId.length()) {
            throw new SoraValidationException("videoId", "a fal job id has the form owner/app/requests/<request id>");
        }
        return new String[] { videoId.substring(0, at), videoId.substring(at + "/requests/".length()) };
    }

    private String requestPath(String videoId) {
        String[] parts = parseId(videoId);
        return "/" + parts[0] + "/requests/" + JsonCalls.encode(parts[1]);
    }

    @Override
    public CompletableFuture<ApiResponse<Video>> retrieve(String videoId, Deadline deadline) {
        String path;
        try {
            path = requestPath(videoId);
        } catch (SoraValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return calls.send("GET", calls.uri(path + "/status"), null, "retrieve video", videoId, deadline)
                .thenCompose(reply -> {
                    JsonNode json = reply.json();
                    String status = JsonCalls.text(json, "status");
                    String error = JsonCalls.text(json, "error");
                    if ("COMPLETED".equals(status) && error != null) {
                        return CompletableFuture.completedFuture(reply.with(failed(videoId,
                                JsonCalls.text(json, "error_type"), error)));
                    }
                    if ("COMPLETED".equals(status)) {
                        return result(videoId, path, deadline);
                    }
                    // IN_QUEUE, IN_PROGRESS; a word fal adds later is not taken for the end of the job
                    String neutral = "IN_QUEUE".equals(status) ? "queued"
                            : "IN_PROGRESS".equals(status) ? "in_progress" : JsonCalls.unknownStatus("fal", status);
                    return CompletableFuture.completedFuture(reply.with(new Video(videoId, "video", null, neutral,
                            null, null, null, null, null, null, null, null, null)));
                });
    }

    /** A completed request's result: completed with its video URL, or failed with the model's error. */
    private CompletableFuture<ApiResponse<Video>> result(String videoId, String path, Deadline deadline) {
        return calls.send("GET", calls.uri(path), null, "retrieve video", videoId, deadline)
                .handle((reply, error) -> {
                    if (error == null) {
                        String url = videoUrl(reply.json());
                        return url != null
                                ? reply.with(new Video(videoId, "video", null, "completed", 100, null, null, null,
                                        null, null, null, null, null))
                                : reply.with(failed(videoId, "no_video", "the result names no video URL"));
                    }
                    Throwable cause = error instanceof java.util.concurrent.CompletionException c && c.getCause()
                                                                                                   != null
                            ? c.getCause() : error;
                    if (cause instanceof SoraApiException api && api.getStatusCode() >= 400
                        && api.getStatusCode() < 500 && api.getStatusCode() != 401 && api.getStatusCode() != 403
                        && api.getStatusCode() != 404 && api.getStatusCode() != 429) {
                        // the model refused its input (422) or failed: the job's outcome, not a failed request
                        return new ApiResponse<>(failed(videoId, api.getErrorCode() != null ? api.getErrorCode()
                                : "model_error", api.getError() == null ? null : api.getError().message()),
                                api.getRequestId(), null);
                    }
                    throw cause instanceof RuntimeException re ? re : new SoraException(cause.toString(), videoId,
                            cause);
                });
    }

    private static Video failed(String videoId, String code, String message) {
        return new Video(videoId, "video", null, "failed", null, null, null, null, null, null, null, null,
                new VideoError(code == null ? "model_error" : code, message));
    }

    /** {@code video.url} of a video model's output (also {@code videos[0].url}). */
    static String videoUrl(JsonNode output) {
        JsonNode video = output.path("video");
        if (video.isObject() && video.path("url").isTextual()) {
            return video.path("url").asText();
        }
        JsonNode videos = output.path("videos");
        if (videos.isArray() && videos.size() > 0 && videos.get(0).path("url").isTextual()) {
            return videos.get(0).path("url").asText();
        }
        return null;
    }

    @Override
    public CompletableFuture<Download> download(String videoId, String variant, Path file, Deadline deadline) {
        if (!"video".equals(variant)) {
            return CompletableFuture.failedFuture(new SoraValidationException("variant", "fal results have no "
                                                                                         + variant));
        }
        String path;
        try {
            path = requestPath(videoId);
        } catch (SoraValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return calls.send("GET", calls.uri(path), null, "download video", videoId, deadline)
                .thenCompose(reply -> {
                    return downloadNamed(videoUrl(reply.json()), "the result", reply, videoId, file, deadline);
                });
    }

    @Override
    public CompletableFuture<ApiResponse<VideoList>> list(String after, Integer limit, String order,
                                                          Deadline deadline) {
        return CompletableFuture.failedFuture(new SoraValidationException("operation", "provider " + profile.name()
                                                                                       + " has no 'list' endpoint"));
    }

    /** {@code PUT {base}/{app}/requests/{id}/cancel}: a request still in the queue is cancelled. */
    @Override
    public CompletableFuture<ApiResponse<DeletedVideo>> delete(String videoId, Deadline deadline) {
        String path;
        try {
            path = requestPath(videoId);
        } catch (SoraValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return calls.send("PUT", calls.uri(path + "/cancel"), null, "cancel video", videoId, deadline)
                .thenApply(reply -> reply.with(new DeletedVideo(videoId, "video.deleted", true)));
    }
}
