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
