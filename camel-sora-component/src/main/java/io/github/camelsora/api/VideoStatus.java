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

import java.util.Locale;

/**
 * The neutral job statuses every provider's vocabulary is mapped into (by its profile's {@code statuses}, when the
 * provider parses a job: see {@link JobReader}). Waiting goes on for {@code queued}, {@code in_progress} and
 * {@link #UNKNOWN}: a word the profile does not know is never taken for the end (or the failure) of a paid job; the
 * wait then ends at its deadline with the last raw status, unless the job carries an error.
 */
public enum VideoStatus {
    QUEUED("queued"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    /** The job (or its assets) expired on the server. */
    EXPIRED("expired"),
    /** The job was deleted on the server (SGLang answers a DELETE with the job in this status). */
    DELETED("deleted"),
    /** A status word the provider's profile does not know: not terminal. */
    UNKNOWN("unknown");

    private final String wireName;

    VideoStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The neutral name as it appears in {@link Video#status()} and header {@code CamelSoraStatus}. */
    public String wireName() {
        return wireName;
    }

    /** The neutral status of a neutral name ({@code queued}, {@code in_progress}, ...); anything else is UNKNOWN. */
    public static VideoStatus of(String neutral) {
        if (neutral == null) {
            return UNKNOWN;
        }
        return switch (neutral.toLowerCase(Locale.ROOT)) {
            case "queued" -> QUEUED;
            case "in_progress" -> IN_PROGRESS;
            case "completed" -> COMPLETED;
            case "failed" -> FAILED;
            case "cancelled" -> CANCELLED;
            case "expired" -> EXPIRED;
            case "deleted" -> DELETED;
            default -> UNKNOWN;
        };
    }

    /** Whether the job will not change any more: completed, failed, cancelled, expired, deleted. */
    public boolean isTerminal() {
        return this != QUEUED && this != IN_PROGRESS && this != UNKNOWN;
    }
}
