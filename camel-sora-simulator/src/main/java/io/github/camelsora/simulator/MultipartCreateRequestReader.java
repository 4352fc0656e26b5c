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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} create body: text fields, an optional {@code input_reference}
 * file part, and the bracket form the python SDK uses for nested values
 * ({@code input_reference[file_id]}, {@code characters[0][id]}).
 */
final class MultipartCreateRequestReader {

    private static final Pattern CHARACTER_ID = Pattern.compile("characters\\[(\\d*)]\\[id]");

    private MultipartCreateRequestReader() {
    }

    static CreateVideoRequest read(List<MultipartPart> parts) throws ApiException {
        String prompt = null;
        String model = null;
        String seconds = null;
        String size = null;
        byte[] referenceImage = null;
        String fileId = null;
        String imageUrl = null;
        Map<Integer, String> characters = new TreeMap<>();
        int unindexedCharacters = 1000; // "characters[][id]": keep arrival order after indexed ones
        for (MultipartPart part : parts) {
            String name = part.name();
            switch (name) {
                case "prompt" -> prompt = text(part);
                case "model" -> model = text(part);
                case "seconds" -> seconds = text(part);
                case "size" -> size = text(part);
                case "input_reference" -> referenceImage = file(part);
                case "input_reference[file_id]" -> fileId = text(part);
                case "input_reference[image_url]" -> imageUrl = text(part);
                default -> {
                    Matcher character = CHARACTER_ID.matcher(name);
                    if (!character.matches()) {
                        throw ApiException.unknownParameter(name);
                    }
                    int index = character.group(1).isEmpty() ? unindexedCharacters++ : Integer.parseInt(character.group(1));
                    characters.put(index, text(part));
                }
            }
        }
        if (referenceImage != null && (fileId != null || imageUrl != null)
                || fileId != null && imageUrl != null) {
            throw ApiException.invalidRequest("Invalid 'input_reference': provide exactly one of a file, 'file_id' or"
                    + " 'image_url'.", "input_reference", "invalid_value");
        }
        if (imageUrl != null) {
            referenceImage = ImageUrls.imageBytes(imageUrl);
        }
        if (characters.size() > 2) {
            throw ApiException.invalidRequest("Invalid 'characters': array too long. Expected an array with maximum length 2,"
                    + " but got an array with length " + characters.size() + " instead.", "characters", "array_above_max_length");
        }
        return new CreateVideoRequest(prompt, model, seconds, size, referenceImage, new ArrayList<>(characters.values()));
    }

    private static String text(MultipartPart part) throws ApiException {
        if (part.isFile()) {
            throw ApiException.invalidType(part.name(), "a string", "a file");
        }
        return part.text();
    }

    /**
     * The API wants a real file part: with a filename and a content type. A plain field (for example a URL
     * sent as text) is the "expected a file, but got a string" error seen with openai-java#640.
     */
    private static byte[] file(MultipartPart part) throws ApiException {
        if (!part.isFile() || part.contentType() == null) {
            throw ApiException.invalidType("input_reference", "a file", "a string");
        }
        return part.content();
    }
}
