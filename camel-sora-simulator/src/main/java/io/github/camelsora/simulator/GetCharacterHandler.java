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
