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

/** The job completed, but its assets expired before they were downloaded; the server no longer has the video. */
public class SoraAssetExpiredException extends SoraException {

    private final Long expiresAt;

    public SoraAssetExpiredException(String videoId, Long expiresAt) {
        super("The assets of video " + videoId + " expired"
              + (expiresAt != null ? " at " + java.time.Instant.ofEpochSecond(expiresAt) : "")
              + " and can no longer be downloaded; the job was not re-submitted", videoId);
        this.expiresAt = expiresAt;
    }

    /** When the assets expired (unix seconds), if known. */
    public Long getExpiresAt() {
        return expiresAt;
    }
}
