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

import java.time.Duration;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/**
 * The parts of a response head the client acts on, read once when the head arrives, whichever way the body is
 * consumed (buffered or streamed to a file).
 *
 * @param declaredLength the Content-Length, or {@code null} when absent or not a plain non-negative number
 */
record ResponseHead(int status, String contentType, String requestId, String location, String pollAfterMs,
                    Duration retryAfter, Long declaredLength) {

    static ResponseHead of(HttpResponse response, ContentType type) {
        String length = header(response, "Content-Length");
        return new ResponseHead(response.getCode(), type == null ? null : type.getMimeType(),
                header(response, "x-request-id"), header(response, "Location"),
                header(response, "openai-poll-after-ms"),
                VideosClient.retryAfter(response.getFirstHeader("Retry-After-Ms"), response.getFirstHeader("Retry-After")),
                length == null || !length.trim().matches("[0-9]{1,18}") ? null : Long.valueOf(length.trim()));
    }

    boolean success() {
        return status >= 200 && status < 300;
    }

    private static String header(HttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }
}
