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
package io.github.camelsora;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.SoraValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code createCharacter}: upload a short MP4 (the body: File, Path, byte[] or InputStream) as a reusable character
 * named by header CamelSoraCharacterName or option characterName. Answers the character; its id goes into
 * CamelSoraCharacterId for the {@code characters} of a later create.
 */
final class CreateCharacterHandler implements SoraOperationHandler {

    /** Character clips are a few seconds long; anything larger is a mistake, not a character. */
    static final int MAX_VIDEO_BYTES = 100 * 1024 * 1024;
    static final int MAX_NAME_LENGTH = 80;

    private final SoraBinding steps;

    CreateCharacterHandler(SoraBinding steps) {
        this.steps = steps;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        String name = message.getHeader(SoraConstants.CHARACTER_NAME, steps.config().getCharacterName(), String.class);
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new SoraValidationException("name", "a character name of 1.." + MAX_NAME_LENGTH
                                                      + " characters is required (header " + SoraConstants.CHARACTER_NAME
                                                      + " or option characterName)");
        }
        Object body = message.getBody();
        String filename = body instanceof File file ? file.getName()
                : body instanceof Path path ? String.valueOf(path.getFileName()) : "character.mp4";
        byte[] video = read(body, message);
        if (video.length < 12 || video[4] != 'f' || video[5] != 't' || video[6] != 'y' || video[7] != 'p') {
            throw new SoraValidationException("video", "the body is not an MP4 (no ftyp box at its start)");
        }
        return steps.createOnce("create character", (provider, deadline) -> provider.createCharacter(name, video, filename, deadline)).thenAccept(response -> {
            message.setHeader(SoraConstants.CHARACTER_ID, response.value().id());
            message.setHeader(SoraConstants.CHARACTER_NAME, response.value().name());
            message.setBody(response.value());
        });
    }

    private static byte[] read(Object body, Message message) {
        try {
            if (body instanceof File file) {
                return readPath(file.toPath());
            }
            if (body instanceof Path path) {
                return readPath(path);
            }
            if (body instanceof byte[] bytes) {
                return bytes;
            }
            InputStream stream = message.getBody(InputStream.class);
            if (stream == null) {
                throw new SoraValidationException("video", "the body must be the character's MP4 (File, Path, byte[] or"
                                                           + " InputStream)");
            }
            try (stream) {
                byte[] bytes = stream.readNBytes(MAX_VIDEO_BYTES + 1);
                if (bytes.length > MAX_VIDEO_BYTES) {
                    throw new SoraValidationException("video", "larger than " + MAX_VIDEO_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new SoraValidationException("video", "cannot read the character video: " + e.getMessage());
        }
    }

    private static byte[] readPath(Path path) throws IOException {
        if (Files.size(path) > MAX_VIDEO_BYTES) {
            throw new SoraValidationException("video", path.getFileName() + " is larger than " + MAX_VIDEO_BYTES + " bytes");
        }
        return Files.readAllBytes(path);
    }
}
