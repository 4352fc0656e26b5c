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
package io.github.camelsora.webhook;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A verified event, e.g. {@code {"id":"evt_..","object":"event","created_at":1758941485,"type":"video.completed",
 * "data":{"id":"video_.."}}}. The payload is thin: only the id of the object it is about. The callbacks of the model
 * marketplaces are read into the same shape: fal's {@code {"request_id":..,"status":"OK"|"ERROR","payload":..}}
 * (docs.fal.ai/model-endpoints/webhooks), and a job object with {@code id} and {@code status}, as Replicate (the
 * prediction, replicate.com/docs/topics/webhooks/receive-webhook) and BytePlus ModelArk (the task) send it; a
 * terminal status becomes {@code video.completed} or {@code video.failed}, any other {@code video.updated}.
 * OpenRouter's {@code {"type":"video.generation.completed","created_at":"<ISO>","data":{"id":"job-..","status":..}}}
 * keeps its type. Only the id of the job is used: the job itself is read again from the provider.
 *
 * @param id        the event id ({@code evt_...})
 * @param type      e.g. {@code video.completed} or {@code video.failed}
 * @param createdAt unix seconds, or null
 * @param objectId  {@code data.id}: the video id for video events, or null
 * @param json      the payload as received
 */
public record WebhookEvent(String id, String type, Long createdAt, String objectId, String json) {

    public static final String VIDEO_COMPLETED = "video.completed";
    public static final String VIDEO_FAILED = "video.failed";
    /** A job callback about a status that is not terminal (Replicate's start event, for one). */
    public static final String VIDEO_UPDATED = "video.updated";
    /** OpenRouter's event types: video.generation.completed, .failed, .cancelled, .expired. */
    public static final String OPENROUTER_PREFIX = "video.generation.";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Parses a payload; {@link IllegalArgumentException} when it is not a JSON event object. */
    public static WebhookEvent parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("The webhook payload is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The webhook payload is not an event (not an object)");
        }
        if (!root.path("type").isTextual()) {
            if (root.path("request_id").isTextual() && root.path("status").isTextual()) {
                String status = root.path("status").asText();
                return new WebhookEvent(null, "OK".equals(status) ? VIDEO_COMPLETED
                        : "ERROR".equals(status) ? VIDEO_FAILED : VIDEO_UPDATED, null,
                        root.path("request_id").asText(), json);
            }
            if (root.path("id").isTextual() && root.path("status").isTextual()) {
                return new WebhookEvent(null, jobEventType(root.path("status").asText()), null,
                        root.path("id").asText(), json);
            }
            throw new IllegalArgumentException("The webhook payload is not an event (no type)");
        }
        JsonNode data = root.path("data");
        return new WebhookEvent(text(root, "id"), root.path("type").asText(),
                root.path("created_at").isNumber() && root.path("created_at").canConvertToLong()
                        ? root.path("created_at").asLong() : null,
                data.isObject() ? text(data, "id") : null, json);
    }

    /** The event type a job object's status implies: completed, failed (also canceled, expired), or updated. */
    static String jobEventType(String status) {
        return switch (status.toLowerCase(java.util.Locale.ROOT)) {
            case "succeeded", "completed", "success" -> VIDEO_COMPLETED;
            case "failed", "canceled", "cancelled", "expired", "error" -> VIDEO_FAILED;
            default -> VIDEO_UPDATED;
        };
    }

    /** The same event about another id (the job id the component put on its own callback URL). */
    public WebhookEvent withObjectId(String id) {
        return new WebhookEvent(this.id, type, createdAt, id, json);
    }

    /** Whether this event says a video job reached a terminal status. */
    public boolean isVideoTerminal() {
        return objectId != null && videoStatus() != null;
    }

    /**
     * The job status the event implies: {@code completed}, {@code failed} ({@code cancelled}, {@code expired} for
     * OpenRouter's), or null for other events.
     */
    public String videoStatus() {
        if (VIDEO_COMPLETED.equals(type)) {
            return "completed";
        }
        if (VIDEO_FAILED.equals(type)) {
            return "failed";
        }
        if (type != null && type.startsWith(OPENROUTER_PREFIX)) {
            String status = type.substring(OPENROUTER_PREFIX.length());
            return switch (status) {
                case "completed", "failed", "cancelled", "expired" -> status;
                default -> null;
            };
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
