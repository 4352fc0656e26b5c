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

import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.SoraValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code getCharacter}: the character in header CamelSoraCharacterId (or the body). */
final class GetCharacterHandler implements SoraOperationHandler {

    private final SoraBinding steps;

    GetCharacterHandler(SoraBinding steps) {
        this.steps = steps;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        String id = message.getHeader(SoraConstants.CHARACTER_ID, String.class);
        if ((id == null || id.isBlank()) && message.getBody() instanceof String body) {
            id = body.strip();
        }
        if (id == null || id.isBlank()) {
            throw new SoraValidationException("character_id", "the character id is required in header "
                                                              + SoraConstants.CHARACTER_ID + " or the body");
        }
        String characterId = id;
        return steps.call("get character", (provider, deadline) -> provider.getCharacter(characterId, deadline))
                .thenAccept(response -> {
            message.setHeader(SoraConstants.CHARACTER_ID, response.value().id());
            message.setHeader(SoraConstants.CHARACTER_NAME, response.value().name());
            message.setBody(response.value());
        });
    }
}
