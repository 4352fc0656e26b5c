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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * BytePlus ModelArk's content generation tasks (Seedance; docs.byteplus.com/en/docs/ModelArk "Video generation API"),
 * protocol {@code ark-tasks}; Volcengine Ark in China speaks the same:
 * <ul>
 * <li>create: {@code POST {base}/contents/generations/tasks} with {@code model}, {@code content} (a {@code text} item
 * with the prompt, an {@code image_url} item with role {@code first_frame} for a start image), {@code ratio},
 * {@code resolution}, {@code duration} (integer seconds) and, given a callback URL, {@code callback_url}; the answer
 * names the task {@code id} ({@code cgt-...}).</li>
 * <li>status: {@code GET {base}/contents/generations/tasks/{id}}: {@code queued}, {@code running},
 * {@code succeeded}, {@code failed}, {@code cancelled} (and {@code expired} for a task that waited too long), mapped
 * here to queued, in_progress, completed, failed.</li>
 * <li>result: {@code content.video_url}, kept 24 hours: {@code expires_at} is {@code updated_at} + 24 h, so the engine
 * refuses a download after it with {@code SoraAssetExpiredException}; a task past it reads as {@code expired}.</li>
 * <li>{@code DELETE} of a task cancels it while it is queued (and deletes the record of a finished one). The list,
 * {@code GET {base}/contents/generations/tasks?page_num=&page_size=}, is implemented but not offered by the profile: a
 * task does not carry its prompt, so a create whose answer was lost could not be recognised in it, and the engine
 * would create again; without {@code list} such a create is never repeated (paid once).</li>
 * </ul>
 * The callback carries the task and no documented signature: sora:webhook treats it as a reason to read the task
 * again (webhookScheme none), never as the task's state.
 */
public final class BytePlusArkClient extends MarketplaceClient {

    public static final String PROTOCOL = "ark-tasks";
    /** ModelArk clears a task's video URL 24 hours after it finished. */
    static final long RESULT_LIFETIME_SECONDS = 24 * 3600;

    /** The {@code ark-tasks} protocol family. */
    public static final class Factory implements VideoProviderFactory {
        @Override
        public String protocol() {
            return PROTOCOL;
        }

        @Override
        public VideoProvider create(ProviderProfile profile, ClientSettings settings, HttpTransport transport) {
            return new BytePlusArkClient(profile, settings, transport, Clock.systemUTC());
        }
    }

    private final Clock clock;

    public BytePlusArkClient(ProviderProfile profile, ClientSettings settings, HttpTransport transport, Clock clock) {
        super(profile, settings, transport);
        this.clock = clock;
    }

    static ObjectNode body(VideoRequest request, InputReference reference) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", request.model());
        ArrayNode content = body.putArray("content");
        content.addObject().put("type", "text").put("text", request.prompt());
        String image = JsonCalls.imageUrl(reference);
        if (image != null) {
            ObjectNode item = content.addObject().put("type", "image_url");
            item.putObject("image_url").put("url", image);
            item.put("role", "first_frame");
        }
        java.util.Map<String, Object> mapped = new java.util.LinkedHashMap<>();
        mapped.put("ratio", JsonCalls.aspectRatio(request.size()));
        mapped.put("resolution", JsonCalls.resolution(request.size()));
        mapped.put("duration", JsonCalls.seconds(request.seconds()));
        mapped.put("callback_url", request.callbackUrl());
        // ModelArk has no negative prompt
        JsonCalls.parameters(request, mapped, Map.of("seed", "seed", "generateAudio", "generate_audio",
                "aspectRatio", "ratio", "resolution", "resolution"), "byteplus");
        body.setAll(JsonCalls.input(request, mapped));
        return body;
    }

    @Override
    public CompletableFuture<ApiResponse<Video>> create(VideoRequest request, InputReference reference,
                                                        List<String> characters, Deadline deadline) {
        if (characters != null && !characters.isEmpty()) {
            return CompletableFuture.failedFuture(JsonCalls.noCharacters("byteplus"));
        }
        ObjectNode body;
        try {
            body = body(request, reference);
        } catch (SoraValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return calls.send("POST", calls.uri("/contents/generations/tasks"), body, "create video", null, deadline)
                .thenApply(reply -> {
                    String id = JsonCalls.text(reply.json(), "id");
                    if (id == null || id.isBlank()) {
                        throw new SoraApiException("create video", 200, new ApiError("the response has no task id",
                                null, null, "invalid_response"), reply.requestId(), null);
                    }
                    return reply.with(new Video(id, "video", request.model(), "queued", 0, null, null, null,
                            request.prompt(), request.size(), request.seconds(), null, null));
                });
    }

    private String taskPath(String videoId) {
        return "/contents/generations/tasks/" + JsonCalls.encode(videoId);
    }

    @Override
    public CompletableFuture<ApiResponse<Video>> retrieve(String videoId, Deadline deadline) {
        return calls.send("GET", calls.uri(taskPath(videoId)), null, "retrieve video", videoId, deadline)
                .thenApply(reply -> {
                    Video video = video(reply.json(), clock.instant().getEpochSecond());
                    if (!videoId.equals(video.id())) {
                        throw new SoraApiException("retrieve video", 200, new ApiError("the response describes"
                                                                                       + " another task", null, null,
                                "invalid_response"), reply.requestId(), videoId);
                    }
                    return reply.with(video);
                });
    }

    /** A task as a neutral job; a succeeded task whose video URL is past its 24 hours reads as expired. */
    static Video video(JsonNode task, long now) {
        String status = JsonCalls.text(task, "status");
        Long created = JsonCalls.epochSeconds(task.get("created_at"));
        Long updated = JsonCalls.epochSeconds(task.get("updated_at"));
        String url = JsonCalls.text(task.path("content"), "video_url");
        Long expires = null;
        String neutral;
        VideoError error = null;
        if ("succeeded".equals(status)) {
            expires = (updated != null ? updated : created != null ? created : now) + RESULT_LIFETIME_SECONDS;
            neutral = url == null || expires <= now ? "expired" : "completed";
        } else if ("queued".equals(status)) {
            neutral = "queued";
        } else if ("running".equals(status)) {
            neutral = "in_progress";
        } else if ("failed".equals(status) || "cancelled".equals(status) || "expired".equals(status)) {
            neutral = "failed";
            JsonNode e = task.path("error");
            String code = JsonCalls.text(e, "code");
            error = new VideoError(code != null ? code : status, JsonCalls.text(e, "message"));
        } else {
            neutral = JsonCalls.unknownStatus("byteplus", status);
        }
        String prompt = null;
        JsonNode items = task.path("content");
        if (items.isArray()) {
            for (JsonNode item : items) {
                if ("text".equals(JsonCalls.text(item, "type"))) {
                    prompt = JsonCalls.text(item, "text");
                }
            }
        }
        JsonNode duration = task.path("duration");
        return new Video(JsonCalls.text(task, "id"), "video", JsonCalls.text(task, "model"), neutral,
                "completed".equals(neutral) ? 100 : null, created, "completed".equals(neutral) ? updated : null,
                expires, prompt, null, duration.canConvertToInt() && duration.isNumber()
                        ? Integer.toString(duration.asInt()) : null, null, error);
    }

    @Override
    public CompletableFuture<Download> download(String videoId, String variant, Path file, Deadline deadline) {
        if (!"video".equals(variant)) {
            return CompletableFuture.failedFuture(new SoraValidationException("variant", "ModelArk tasks have no "
                                                                                         + variant));
        }
        return calls.send("GET", calls.uri(taskPath(videoId)), null, "download video", videoId, deadline)
                .thenCompose(reply -> {
                    Video video = video(reply.json(), clock.instant().getEpochSecond());
                    if ("expired".equals(video.status())) {
                        throw new SoraAssetExpiredException(videoId, video.expiresAt());
                    }
                    return downloadNamed(JsonCalls.text(reply.json().path("content"), "video_url"), "the task",
                            reply, videoId, file, deadline);
                });
    }

    /** {@code GET {base}/contents/generations/tasks?page_num=&page_size=}; {@code after} is the next page number. */
    @Override
    public CompletableFuture<ApiResponse<VideoList>> list(String after, Integer limit, String order,
                                                          Deadline deadline) {
        int page = 1;
        try {
            page = after == null ? 1 : Math.max(1, Integer.parseInt(after));
        } catch (NumberFormatException e) {
            page = 1;
        }
        int size = limit == null ? 20 : Math.min(500, Math.max(1, limit));
        int pageNumber = page;
        return calls.send("GET", calls.uri("/contents/generations/tasks?page_num=" + page + "&page_size=" + size),
                null, "list videos", null, deadline).thenApply(reply -> {
                    List<Video> videos = new ArrayList<>();
                    long now = clock.instant().getEpochSecond();
                    for (JsonNode task : reply.json().path("items")) {
                        videos.add(video(task, now));
                    }
                    long total = reply.json().path("total").asLong(0);
                    boolean more = (long) pageNumber * size < total;
                    return reply.with(new VideoList("list", videos, videos.isEmpty() ? null : videos.get(0).id(),
                            more ? Integer.toString(pageNumber + 1) : null, more));
                });
    }

    /** {@code DELETE} of a task: cancels it while queued; deletes the record of a finished one. */
    @Override
    public CompletableFuture<ApiResponse<DeletedVideo>> delete(String videoId, Deadline deadline) {
        return calls.send("DELETE", calls.uri(taskPath(videoId)), null, "delete video", videoId, deadline)
                .thenApply(reply -> reply.with(new DeletedVideo(videoId, "video.deleted", true)));
    }
}
