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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tolerant reader of jobs: one provider's JSON, read with its profile's data into the neutral {@link Video}. The
 * dialects it copes with come from the providers' own docs and code (see each profile's {@code sources}):
 * <ul>
 * <li>status words mapped by the profile ({@code processing}, {@code pending}, {@code SUCCEEDED}, {@code error}...,
 * case-insensitive); a word the profile does not know is kept as it is (not terminal: the wait goes on), unless
 * the job carries an error, which makes it {@code failed};</li>
 * <li>{@code error} as OpenAI's object ({@code code}, {@code message}), as a bare string (OpenRouter), or an object
 * with a message only (SGLang);</li>
 * <li>{@code seconds} as a string, a number or {@code ""} (CometAPI: then unknown); times as unix seconds,
 * milliseconds or ISO-8601 text; progress as an integer or a decimal;</li>
 * <li>ids of any shape, kept opaque ({@code task_...}, {@code vid_...}, base64, UUIDs); {@code task_id} when
 * {@code id} is missing;</li>
 * <li>the result URL and the reported cost at the profile's JSON pointers.</li>
 * </ul>
 */
public final class JobReader {

    private final ProviderProfile profile;

    public JobReader(ProviderProfile profile) {
        this.profile = profile;
    }

    /** One job. */
    public Video read(JsonNode node) {
        JsonNode statusNode = node.get("status");
        if (statusNode != null && !statusNode.isNull() && !statusNode.isValueNode()) {
            // a status that is not a word at all is a broken answer, not an unknown word
            throw new IllegalArgumentException("status is " + statusNode.getNodeType() + ", not a string");
        }
        String raw = text(node, "status");
        VideoError error = error(node.get("error"));
        VideoStatus status = profile.status(raw);
        String neutral;
        if (status != VideoStatus.UNKNOWN) {
            neutral = status.wireName();
        } else {
            // never taken for the end of a paid job, unless the job says it failed
            neutral = error != null ? VideoStatus.FAILED.wireName() : raw;
        }
        String id = text(node, "id");
        if (id == null) {
            id = text(node, "task_id");
        }
        return new Video(id, text(node, "object"), text(node, "model"), neutral, progress(node.get("progress")),
                time(node.get("created_at")), time(node.get("completed_at")), time(node.get("expires_at")),
                text(node, "prompt"), text(node, "size"), seconds(node.get("seconds")),
                text(node, "remixed_from_video_id"), error, raw, resultUrl(node), cost(node), null);
    }

    /** One page of jobs: {@code data} (or a bare array), with {@code has_more}, {@code first_id}, {@code last_id}. */
    public VideoList readList(JsonNode node) {
        JsonNode data = node.isArray() ? node : node.path("data");
        List<Video> videos = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(item -> {
                if (item.isObject()) {
                    videos.add(read(item));
                }
            });
        }
        String first = text(node, "first_id");
        String last = text(node, "last_id");
        if (first == null && !videos.isEmpty()) {
            first = videos.get(0).id();
        }
        if (last == null && !videos.isEmpty()) {
            last = videos.get(videos.size() - 1).id();
        }
        return new VideoList(text(node, "object"), videos, first, last, node.path("has_more").asBoolean(false));
    }

    /**
     * The answer of a delete: OpenAI's {@code {id, object: video.deleted, deleted: true}}, or the job itself in status
     * {@code deleted} (SGLang); any 2xx answer without either says the job is gone.
     */
    public DeletedVideo readDeleted(JsonNode node, String videoId) {
        String id = text(node, "id");
        boolean deleted;
        if (node.has("deleted")) {
            deleted = node.get("deleted").asBoolean(false);
        } else if (node.has("status")) {
            deleted = profile.status(text(node, "status")) == VideoStatus.DELETED
                      || profile.status(text(node, "status")) == VideoStatus.CANCELLED;
        } else {
            deleted = true;
        }
        return new DeletedVideo(id != null ? id : videoId, text(node, "object"), deleted);
    }

    private String resultUrl(JsonNode node) {
        for (String pointer : profile.resultUrls()) {
            JsonNode value = node.at(pointer);
            if (value.isTextual() && !value.asText().isBlank()) {
                return value.asText().strip();
            }
        }
        return null;
    }

    private BigDecimal cost(JsonNode node) {
        for (String pointer : profile.costPointers()) {
            JsonNode value = node.at(pointer);
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isTextual()) {
                try {
                    return new BigDecimal(value.asText().strip());
                } catch (NumberFormatException e) {
                    // not a cost
                }
            }
        }
        return null;
    }

    static VideoError error(JsonNode error) {
        if (error == null || error.isNull() || error.isMissingNode()) {
            return null;
        }
        if (error.isTextual()) {
            return error.asText().isBlank() ? null : new VideoError(null, error.asText());
        }
        if (error.isObject()) {
            String code = text(error, "code");
            String message = text(error, "message");
            if (message == null) {
                message = text(error, "detail");
            }
            return code == null && message == null ? (error.isEmpty() ? null : new VideoError(null, error.toString()))
                    : new VideoError(code, message);
        }
        return null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.asText();
    }

    private static Integer progress(JsonNode value) {
        if (value == null || !value.isNumber()) {
            if (value != null && value.isTextual()) {
                try {
                    return (int) Math.round(Double.parseDouble(value.asText().replace("%", "").strip()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
        return (int) Math.round(value.asDouble());
    }

    private static String seconds(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        if (value.isNumber()) {
            double seconds = value.asDouble();
            return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** Unix seconds (milliseconds when the number is too large for seconds), or ISO-8601 text. */
    static Long time(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            long number = value.asLong();
            return number > 100_000_000_000L ? number / 1000 : number;
        }
        if (value.isTextual()) {
            String text = value.asText().strip();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notANumber) {
                try {
                    return OffsetDateTime.parse(text).toEpochSecond();
                } catch (DateTimeParseException notAnOffsetTime) {
                    try {
                        return Instant.parse(text).getEpochSecond();
                    } catch (DateTimeParseException notATime) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
