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

import java.io.IOException;

/** {@code GET /videos/characters/{character_id}}: the character, or 404. */
final class GetCharacterHandler implements EndpointHandler {

    private final SimulatorState state;

    GetCharacterHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public void handle(ApiExchange exchange, String characterId) throws IOException, ApiException {
        CharacterStore.Character character = state.characters.find(characterId).orElseThrow(() ->
                ApiException.notFound("No character found with id '" + characterId + "'.", "character_not_found"));
        exchange.sendJson(200, CreateCharacterHandler.json(character));
    }
}
