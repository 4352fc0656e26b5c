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

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;

/**
 * {@code POST /videos/characters}: multipart only, a {@code video} file part that must be an MP4 (checked by its
 * {@code ftyp} box, not by the declared type) and a {@code name} of 1..80 characters. Answers a
 * {@code VideoCharacterResource}.
 */
final class CreateCharacterHandler implements EndpointHandler {

    static final int MAX_NAME_LENGTH = 80;

    private final SimulatorState state;

    CreateCharacterHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public void handle(ApiExchange exchange, String ignored) throws IOException, ApiException {
        String contentType = exchange.requestHeader("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        byte[] body = exchange.readBody();
        if (!mediaType.equals("multipart/form-data")) {
            throw ApiException.invalidRequest("Unsupported Content-Type '" + (contentType == null ? "" : contentType)
                    + "': creating a character takes multipart/form-data.", null, "unsupported_content_type");
        }
        String boundary = MultipartParser.boundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw ApiException.invalidRequest("Invalid Content-Type: multipart/form-data without a boundary.", null,
                    "invalid_multipart");
        }
        String name = null;
        byte[] video = null;
        for (MultipartPart part : MultipartParser.parse(body, boundary)) {
            switch (part.name()) {
                case "name" -> {
                    if (part.isFile()) {
                        throw ApiException.invalidType("name", "a string", "a file");
                    }
                    name = part.text();
                }
                case "video" -> {
                    if (!part.isFile() || part.contentType() == null) {
                        throw ApiException.invalidType("video", "a file", "a string");
                    }
                    video = part.content();
                }
                default -> throw ApiException.unknownParameter(part.name());
            }
        }
        if (video == null) {
            throw ApiException.invalidRequest("Missing required parameter: 'video'.", "video", "missing_required_parameter");
        }
        if (name == null) {
            throw ApiException.invalidRequest("Missing required parameter: 'name'.", "name", "missing_required_parameter");
        }
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw ApiException.invalidRequest("Invalid 'name': expected a string of 1 to " + MAX_NAME_LENGTH
                    + " characters.", "name", name.isEmpty() ? "string_below_min_length" : "string_above_max_length");
        }
        if (!isMp4(video)) {
            throw ApiException.invalidRequest("Invalid file format for 'video'. Supported formats are: 'video/mp4'.",
                    "video", "unsupported_file_format");
        }
        CharacterStore.Character character = state.characters.add(name, state.clock.instant().getEpochSecond());
        exchange.sendJson(200, json(character));
    }

    static boolean isMp4(byte[] data) {
        return data.length >= 12 && data[4] == 'f' && data[5] == 't' && data[6] == 'y' && data[7] == 'p';
    }

    static ObjectNode json(CharacterStore.Character character) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", character.id());
        node.put("name", character.name());
        node.put("created_at", character.createdAt());
        return node;
    }
}
