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
 * A request that got no complete HTTP answer: the connection was refused, reset or timed out, or the deadline
 * passed while the request was in flight. These, and only these, are transport failures worth repeating; a local
 * file-system error while saving a download is not one.
 */
public class SoraTransportException extends SoraException {

    private final boolean sent;

    /**
     * @param sent whether the request may have reached the server (false only when no connection was made)
     */
    public SoraTransportException(String operation, String videoId, Throwable cause, boolean sent) {
        super(operation + " failed: " + cause.getClass().getSimpleName()
              + (cause.getMessage() != null ? ": " + ServerText.clean(cause.getMessage()) : ""), videoId, cause);
        this.sent = sent;
    }

    public SoraTransportException(String message, String videoId, Throwable cause) {
        super(message, videoId, cause);
        this.sent = true;
    }

    /** Whether the request may have reached the server, so a billable one may have created a job. */
    public boolean isOutcomeUnknown() {
        return sent;
    }
}
