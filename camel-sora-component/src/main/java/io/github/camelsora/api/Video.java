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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A video job as the provider described it, read tolerantly by its profile ({@link JobReader}): missing members
 * are null.
 *
 * @param status       the neutral status ({@code queued}, {@code in_progress}, {@code completed}, {@code failed},
 *                     {@code cancelled}, {@code expired}, {@code deleted}) when the profile knows the provider's
 *                     word, else that word unchanged (see {@link VideoStatus#UNKNOWN})
 * @param rawStatus    the provider's own word for the status, e.g. {@code processing}, {@code SUCCEEDED}
 * @param resultUrl    where the provider says the result is, when it names it by URL in the job (CometAPI's
 *                     {@code video_url}, OpenRouter's {@code unsigned_urls[0]}, Inworld's
 *                     {@code output.videos[0].url}); null when the result is behind the content route
 * @param reportedCost what the provider says the job cost (OpenRouter {@code usage.cost}, Merge {@code cost}), in
 *                     its currency (USD for those), or null
 * @param outputUri    where the provider wrote the result in cloud storage ({@code gs://...}, {@code s3://...}) when
 *                     it writes it there (Vertex AI with storageUri, Bedrock), else null
 */
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
        @JsonProperty("raw_status") String rawStatus,
        @JsonProperty("result_url") String resultUrl,
        @JsonProperty("reported_cost") BigDecimal reportedCost,
        @JsonProperty("output_uri") String outputUri) {

    /**
     * A job in the provider's words and a cloud-storage location, as the native job APIs describe it (Vertex AI's
     * {@code gcsUri}, Bedrock's {@code s3Uri}); no result URL, no reported cost.
     */
    public Video(String id, String object, String model, String status, Integer progress, Long createdAt,
                 Long completedAt, Long expiresAt, String prompt, String size, String seconds,
                 String remixedFromVideoId, VideoError error, String outputUri) {
        this(id, object, model, status, progress, createdAt, completedAt, expiresAt, prompt, size, seconds,
                remixedFromVideoId, error, status, null, null, outputUri);
    }

    /** A job in OpenAI's own vocabulary (the raw status is the status; no result URL, no reported cost). */
    public Video(String id, String object, String model, String status, Integer progress, Long createdAt,
                 Long completedAt, Long expiresAt, String prompt, String size, String seconds,
                 String remixedFromVideoId, VideoError error) {
        this(id, object, model, status, progress, createdAt, completedAt, expiresAt, prompt, size, seconds,
                remixedFromVideoId, error, status, null, null, null);
    }

    public VideoStatus videoStatus() {
        return VideoStatus.of(status);
    }

    /** The provider's word for the status (the neutral one when the provider gave none of its own). */
    public String providerStatus() {
        return rawStatus != null ? rawStatus : status;
    }
}
