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

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads an {@code application/json} create body, rejecting unknown fields and wrong JSON types like the API. */
final class JsonCreateRequestReader {

    private static final Set<String> FIELDS = Set.of("prompt", "model", "seconds", "size", "input_reference", "characters");

    private JsonCreateRequestReader() {
    }

    static CreateVideoRequest read(byte[] body) throws ApiException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.invalidRequest("We could not parse the JSON body of your request. The API expects a JSON"
                    + " payload, but what was sent was not valid JSON.", null, null);
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalidRequest("The request body must be a JSON object.", null, "invalid_type");
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.unknownParameter(name);
            }
        }
        return new CreateVideoRequest(
                string(root, "prompt"),
                string(root, "model"),
                string(root, "seconds"),
                string(root, "size"),
                inputReference(root.get("input_reference")),
                characters(root.get("characters")));
    }

    /** A string field; null and absent mean "not given". */
    private static String string(JsonNode root, String field) throws ApiException {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.invalidType(field, "a string", Json.typeName(value));
        }
        return value.asText();
    }

    /**
     * {@code input_reference} is an object with exactly one of {@code file_id} / {@code image_url}.
     * A data: URL is decoded so its size can be checked; a file id or remote URL cannot be checked here.
     */
    private static byte[] inputReference(JsonNode value) throws ApiException {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw ApiException.invalidType("input_reference", "an object", Json.typeName(value));
        }
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("file_id") && !name.equals("image_url")) {
                throw ApiException.unknownParameter("input_reference." + name);
            }
        }
        String fileId = string(value, "file_id", "input_reference.file_id");
        String imageUrl = string(value, "image_url", "input_reference.image_url");
        if ((fileId == null) == (imageUrl == null)) {
            throw ApiException.invalidRequest("Invalid 'input_reference': provide exactly one of 'file_id' or 'image_url'.",
                    "input_reference", "invalid_value");
        }
        if (fileId != null) {
            if (fileId.isEmpty()) {
                throw ApiException.invalidRequest("Invalid 'input_reference.file_id': empty string.",
                        "input_reference.file_id", "invalid_value");
            }
            return null;
        }
        return ImageUrls.imageBytes(imageUrl);
    }

    private static String string(JsonNode object, String field, String param) throws ApiException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.invalidType(param, "a string", Json.typeName(value));
        }
        return value.asText();
    }

    /** {@code characters}: an array of at most two {@code {"id": "..."}} objects. */
    private static List<String> characters(JsonNode value) throws ApiException {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw ApiException.invalidType("characters", "an array", Json.typeName(value));
        }
        if (value.size() > 2) {
            throw ApiException.invalidRequest("Invalid 'characters': array too long. Expected an array with maximum length 2,"
                    + " but got an array with length " + value.size() + " instead.", "characters", "array_above_max_length");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode character = value.get(i);
            String param = "characters[" + i + "]";
            if (!character.isObject()) {
                throw ApiException.invalidType(param, "an object", Json.typeName(character));
            }
            for (Map.Entry<String, JsonNode> field : character.properties()) {
                if (!field.getKey().equals("id")) {
                    throw ApiException.unknownParameter(param + "." + field.getKey());
                }
            }
            String id = string(character, "id", param + ".id");
            if (id == null) {
                throw ApiException.invalidRequest("Missing required parameter: '" + param + ".id'.", param + ".id",
                        "missing_required_parameter");
            }
            ids.add(id);
        }
        return ids;
    }
}
