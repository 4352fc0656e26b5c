package io.github.camelsora.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A video job as the API describes it ({@code VideoResource}). Parsed tolerantly: missing members are null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Video(
        String id,
        String object,
        String model,
        String status,
        Integer progress,
        @JsonProperty("created_at") Long createdAt,
        @JsonProperty("completed_at") Long completedAt,
        @JsonProperty("expires_at") Long expiresAt,
        String prompt,
        String size,
        String seconds,
        @JsonProperty("remixed_from_video_id") String remixedFromVideoId,
        VideoError error,
        @JsonProperty("output_uri") String outputUri) {

    /** A job without a cloud-storage location (the Videos protocol's shape). */
    public Video(String id, String object, String model, String status, Integer progress, Long createdAt,
                 Long completedAt, Long expiresAt, String prompt, String size, String seconds,
                 String remixedFromVideoId, VideoError error) {
        this(id, object, model, status, progress, createdAt, completedAt, expiresAt, prompt, size, seconds,
                remixedFromVideoId, error, null);
    }

    public VideoStatus videoStatus() {
        return VideoStatus.of(status);
    }
}
