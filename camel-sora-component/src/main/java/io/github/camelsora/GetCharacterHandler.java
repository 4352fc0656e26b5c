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
