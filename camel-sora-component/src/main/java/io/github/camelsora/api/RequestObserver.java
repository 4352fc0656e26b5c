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

import java.net.URI;
import java.util.Map;

/**
 * Watches the requests {@link HttpTransport} sends, without the transport knowing who watches: the Camel layer
 * plugs in Camel's telemetry SPI here (a client span per request, its W3C trace context on the wire). Set per
 * exchange through {@link JobScope}; implementations must never see or record credentials (the transport passes
 * none) and must not throw.
 */
public interface RequestObserver {

    /** Watches nothing. */
    RequestObserver NONE = (operation, method, uri, videoId) -> Call.NONE;

    /**
     * A request is about to be sent.
     *
     * @param operation what the request does ("create video", "retrieve video", "download video", "list videos", ...)
     * @param method    the HTTP method
     * @param uri       the URI of the first hop (no credential is ever part of it)
     * @param videoId   the job it concerns, or null (a create)
     */
    Call start(String operation, String method, URI uri, String videoId);

    /** One observed request, from its first hop to its outcome. */
    interface Call {

        /** Adds nothing, records nothing. */
        Call NONE = new Call() {
        };

        /** Headers to send with every hop of the request (e.g. {@code traceparent}); empty by default. */
        default Map<String, String> headers() {
            return Map.of();
        }

        /**
         * The request ended, once.
         *
         * @param status the HTTP status of the final answer, or -1 without one
         * @param error  the failure, or null
         */
        default void end(int status, Throwable error) {
        }
    }
}
