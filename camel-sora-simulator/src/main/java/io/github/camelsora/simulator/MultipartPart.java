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

/**
 * One part of a multipart/form-data body.
 *
 * @param filename    null when the part is a plain form field
 * @param contentType null when the part has no Content-Type header
 */
record MultipartPart(String name, String filename, String contentType, byte[] content) {

    boolean isFile() {
        return filename != null;
    }

    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
