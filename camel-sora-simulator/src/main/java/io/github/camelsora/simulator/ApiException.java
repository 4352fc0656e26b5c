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

import java.util.Map;

/**
 * An HTTP error answer in the OpenAI shape {@code {"error":{"message","type","param","code"}}}.
 * Thrown by validation and handlers, turned into a response by {@link VideosRouter}.
 */
final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    static final String INVALID_REQUEST = "invalid_request_error";

    private final int status;
    private final String type;
    private final String param;
    private final String code;
    private final transient Map<String, String> headers;

    ApiException(int status, String type, String message, String param, String code, Map<String, String> headers) {
        super(message, null, false, false); // no stack trace: these are normal answers, not bugs
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    static ApiException invalidRequest(String message, String param, String code) {
        return new ApiException(400, INVALID_REQUEST, message, param, code, null);
    }

    static ApiException invalidValue(String param, String value, String supported) {
        return invalidRequest("Invalid value: '" + value + "'. Supported values are: " + supported + ".", param, "invalid_value");
    }

    /** The wording the real API uses, e.g. "Invalid type for 'seconds': expected a string, but got an integer instead." */
    static ApiException invalidType(String param, String expected, String got) {
        return invalidRequest("Invalid type for '" + param + "': expected " + expected + ", but got " + got + " instead.",
                param, "invalid_type");
    }

    static ApiException unknownParameter(String param) {
        return invalidRequest("Unknown parameter: '" + param + "'.", param, "unknown_parameter");
    }

    static ApiException notFound(String message, String code) {
        return new ApiException(404, INVALID_REQUEST, message, null, code, null);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String param() {
        return param;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }
}
