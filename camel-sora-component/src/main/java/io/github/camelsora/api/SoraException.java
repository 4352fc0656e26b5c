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

/**
 * Base of every failure camel-sora reports. Carries the video id when one is known, so a failure never hides a
 * job that may already be paid for.
 */
public class SoraException extends RuntimeException {

    private final String videoId;

    public SoraException(String message, String videoId) {
        this(message, videoId, null);
    }

    public SoraException(String message, String videoId, Throwable cause) {
        super(message, cause);
        this.videoId = videoId;
    }

    /** The id of the video job concerned, or {@code null} when no job was created. */
    public String getVideoId() {
        return videoId;
    }
}
