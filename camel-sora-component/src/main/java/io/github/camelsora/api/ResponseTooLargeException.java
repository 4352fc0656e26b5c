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

import java.io.IOException;

/** Thrown inside a response consumer when a body passes its cap; the client turns it into a SoraApiException. */
final class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ResponseTooLargeException(int status, long bytes, long maxBytes) {
        super("the response body is larger than the limit of " + maxBytes + " bytes (at least " + bytes + ")");
        this.status = status;
    }

    int status() {
        return status;
    }
}
