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
package io.github.camelsora.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request the simulator received and what it answered, kept when recording is on (see
 * {@link SoraSimulator.Builder#recordExchanges(boolean)}), so tests can check what a client sent on the wire.
 *
 * @param method          the HTTP method
 * @param path            the raw request path, e.g. {@code /v1/videos/video_123/content}
 * @param query           the raw query string, or null
 * @param requestHeaders  request headers by lower-case name (first value); credentials are replaced by
 *                        {@code <redacted>}
 * @param requestBody     the request body as received (empty when the handler did not read one)
 * @param status          the response status
 * @param responseContentType the response Content-Type, or null
 * @param responseBody    the response body, or null when a file was streamed (then see {@code responseLength})
 * @param responseLength  the number of response body bytes
 */
public record RecordedExchange(String method, String path, String query, Map<String, String> requestHeaders,
                               byte[] requestBody, int status, String responseContentType, byte[] responseBody,
                               long responseLength) {

    public String requestContentType() {
        return requestHeaders.get("content-type");
    }

    public String requestBodyText() {
        return new String(requestBody, StandardCharsets.UTF_8);
    }

    public String responseBodyText() {
        return responseBody == null ? null : new String(responseBody, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status + " " + responseContentType;
    }
}
