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

/** The job reached a terminal status other than {@code completed}: {@code failed}, {@code expired}, ... */
public class SoraJobFailedException extends SoraException {

    private final String status;
    private final String errorCode;
    private final String errorMessage;

    public SoraJobFailedException(String videoId, String status, String errorCode, String errorMessage) {
        super("Video " + ServerText.clean(videoId) + " ended with status '" + ServerText.clean(status) + "'"
              + (errorCode != null ? " [code=" + ServerText.clean(errorCode) + "]" : "")
              + (errorMessage != null ? ": " + ServerText.clean(errorMessage) : ""),
              videoId);
        this.status = status;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    public String getStatus() {
        return status;
    }

    /** The API's {@code error.code}, e.g. {@code moderation_blocked}; may be {@code null}. */
    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }
}
