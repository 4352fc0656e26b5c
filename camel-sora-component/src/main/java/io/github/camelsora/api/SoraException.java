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
 * job that may already be paid for, and says whether a job may exist on the server for the failed message
 * ({@link #getJobExistence()}), so that a route fails over to another provider only when that cannot pay twice.
 */
public class SoraException extends RuntimeException {

    /** Whether a job may exist on the provider's server because of the failed call. */
    public enum JobExistence {
        /** Provably none: refused before sending (validation, budget, backpressure) or by the server (4xx, quota). */
        NOT_CREATED,
        /** A billable request may have reached the server (a 5xx, a timeout or a connection lost after sending). */
        UNKNOWN,
        /** A job exists (its id is known): another create elsewhere would be paid twice. */
        CREATED
    }

    private final String videoId;
    private volatile JobExistence jobExistence;

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

    /**
     * Whether a job may exist on the server for the failed message: {@code CREATED} when the failure names a video,
     * {@code UNKNOWN} when a billable request's outcome is not known, else {@code NOT_CREATED}.
     */
    public JobExistence getJobExistence() {
        JobExistence known = jobExistence;
        return known != null ? known : videoId != null ? JobExistence.CREATED : JobExistence.NOT_CREATED;
    }

    /** True unless the server provably created nothing for the failed message (safe to send elsewhere). */
    public boolean mayHaveCreatedJob() {
        return getJobExistence() != JobExistence.NOT_CREATED;
    }

    /** Marks what is known about a job on the server (set by the engine after a billable call); returns this. */
    public SoraException withJobExistence(JobExistence existence) {
        this.jobExistence = existence;
        return this;
    }
}
