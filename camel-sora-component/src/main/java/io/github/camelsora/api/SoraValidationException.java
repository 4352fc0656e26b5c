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

/** A request was rejected before anything was sent (so nothing was billed). */
public class SoraValidationException extends SoraException {

    private final String param;

    public SoraValidationException(String param, String message) {
        super("Invalid '" + param + "': " + message, null);
        this.param = param;
    }

    /** The request parameter at fault, named as on the wire ({@code seconds}, {@code size}, ...). */
    public String getParam() {
        return param;
    }
}
