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
 * The server keeps answering 429 without saying when to come back ({@code Retry-After}), or says
 * {@code insufficient_quota}: treated as an exhausted quota or billing limit, which waiting does not fix.
 */
public class SoraQuotaException extends SoraApiException {

    public SoraQuotaException(String operation, SoraApiException last, int attempts) {
        super(operation + ": quota exhausted (HTTP 429 " + attempts + " times without Retry-After"
              + (last.getErrorCode() != null ? ", code " + last.getErrorCode() : "")
              + "); check the account's quota and billing, nothing more will be sent for this message",
                last.getStatusCode(), last.getError(), last.getRequestId(), last.getVideoId(), null);
    }
}
