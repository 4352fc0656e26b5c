package io.github.camelsora.webhook;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A verified event, e.g. {@code {"id":"evt_..","object":"event","created_at":1758941485,"type":"video.completed",
 * "data":{"id":"video_.."}}} (Standard Webhooks, OpenAI), or OpenRouter's
 * {@code {"type":"video.generation.completed","created_at":"<ISO>","data":{"id":"job-..","status":..}}}. Only the id of
 * the job is used: the job itself is read again from the provider.
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
        if (root == null || !root.isObject() || !root.path("type").isTextual()) {
            throw new IllegalArgumentException("The webhook payload is not an event (no type)");
        }
        JsonNode data = root.path("data");
        return new WebhookEvent(text(root, "id"), root.path("type").asText(),
                root.path("created_at").isNumber() && root.path("created_at").canConvertToLong()
                        ? root.path("created_at").asLong() : null,
                data.isObject() ? text(data, "id") : null, json);
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
