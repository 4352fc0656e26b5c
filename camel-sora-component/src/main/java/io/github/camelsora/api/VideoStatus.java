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
 * Job statuses. Only {@code queued} and {@code in_progress} mean "keep waiting": any other value, documented or
 * not ({@code expired}, {@code cancelled}, ...), is terminal, so a poller can never spin on an unknown status.
 */
public enum VideoStatus {
    QUEUED,
    IN_PROGRESS,
    COMPLETED,
    FAILED,
    /** Any status this version does not know; terminal. */
    OTHER;

    public static VideoStatus of(String wire) {
        if (wire == null) {
            return OTHER;
        }
        return switch (wire) {
            case "queued" -> QUEUED;
            case "in_progress" -> IN_PROGRESS;
            case "completed" -> COMPLETED;
            case "failed" -> FAILED;
            default -> OTHER;
        };
    }

    public boolean isTerminal() {
        return this != QUEUED && this != IN_PROGRESS;
    }
}
