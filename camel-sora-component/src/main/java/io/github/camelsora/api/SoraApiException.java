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

/** The server answered a request with an HTTP error (or with something that is not the protocol). */
public class SoraApiException extends SoraException {

    private final int statusCode;
    private final String requestId;
    private final ApiError error;
    private final java.time.Duration retryAfter;

    public SoraApiException(String operation, int statusCode, ApiError error, String requestId, String videoId) {
        this(operation, statusCode, error, requestId, videoId, null);
    }

    /** @param retryAfter the server's {@code Retry-After-Ms} / {@code Retry-After}, or null */
    public SoraApiException(String operation, int statusCode, ApiError error, String requestId, String videoId,
                            java.time.Duration retryAfter) {
        super(describe(operation, statusCode, error, requestId, videoId), videoId);
        this.statusCode = statusCode;
        this.requestId = requestId;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    /** How long the server asked us to wait ({@code Retry-After-Ms} or {@code Retry-After}); null when it did not. */
    public java.time.Duration getRetryAfter() {
        return retryAfter;
    }

    private static String describe(String operation, int status, ApiError error, String requestId, String videoId) {
        StringBuilder text = new StringBuilder(operation).append(" failed with HTTP ").append(status);
        if (error != null) {
            if (error.message() != null) {
                text.append(": ").append(ServerText.clean(error.message()));
            }
            if (error.type() != null) {
                text.append(" [type=").append(ServerText.clean(error.type())).append(']');
            }
            if (error.code() != null) {
                text.append(" [code=").append(ServerText.clean(error.code())).append(']');
            }
            if (error.param() != null) {
                text.append(" [param=").append(ServerText.clean(error.param())).append(']');
            }
        }
        if (videoId != null) {
            text.append(" [videoId=").append(ServerText.clean(videoId)).append(']');
        }
        if (requestId != null) {
            text.append(" [requestId=").append(ServerText.clean(requestId)).append(']');
        }
        return text.toString();
    }

    public int getStatusCode() {
        return statusCode;
    }

    /** The {@code x-request-id} response header, to quote to the provider's support. */
    public String getRequestId() {
        return requestId;
    }

    /** The API's error object; {@code null} when the body was not in the API's error shape. */
    public ApiError getError() {
        return error;
    }

    public String getErrorCode() {
        return error == null ? null : error.code();
    }

    public String getErrorType() {
        return error == null ? null : error.type();
    }

    public String getParam() {
        return error == null ? null : error.param();
    }
}
