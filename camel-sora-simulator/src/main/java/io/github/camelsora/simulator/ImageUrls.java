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

import java.util.Base64;

/** Checks an {@code input_reference.image_url} and decodes it when it is a base64 data: URL. */
final class ImageUrls {

    static final int MAX_LENGTH = 20_971_520;
    private static final String PARAM = "input_reference.image_url";

    private ImageUrls() {
    }

    /** @return the decoded image for a data: URL; null for an http(s) URL (the simulator never fetches it) */
    static byte[] imageBytes(String url) throws ApiException {
        if (url.length() > MAX_LENGTH) {
            throw ApiException.invalidRequest("Invalid '" + PARAM + "': string too long. Expected a string with maximum"
                    + " length " + MAX_LENGTH + ", but got a string with length " + url.length() + " instead.", PARAM,
                    "string_above_max_length");
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            return null;
        }
        int comma = url.indexOf(',');
        if (url.startsWith("data:") && comma > 0 && url.substring(0, comma).endsWith(";base64")) {
            try {
                return Base64.getMimeDecoder().decode(url.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidRequest("Invalid '" + PARAM + "': the data URL is not valid base64.", PARAM,
                        "invalid_value");
            }
        }
        throw ApiException.invalidRequest("Invalid '" + PARAM + "': expected a fully qualified URL or a base64-encoded"
                + " data URL.", PARAM, "invalid_value");
    }
}
