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
package io.github.camelsora.webhook;

import io.github.camelsora.api.SoraException;

/**
 * A webhook request that must not be trusted: a header is missing or malformed, the timestamp is outside the
 * tolerance, or no signature matches. The message says which check failed, never the secret or the expected
 * signature.
 */
public class WebhookVerificationException extends SoraException {

    /** Which check failed. */
    public enum Reason {
        MISSING_HEADER,
        INVALID_TIMESTAMP,
        TIMESTAMP_TOO_OLD,
        TIMESTAMP_TOO_NEW,
        NO_SIGNATURE,
        SIGNATURE_MISMATCH,
        /** The keys to check the signature with could not be had (fal's key set): not the sender's fault. */
        KEYS_UNAVAILABLE
    }

    private final Reason reason;

    public WebhookVerificationException(Reason reason, String message) {
        super(message, null);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
