package io.github.camelsora;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code retrieve}: the video (header CamelSoraVideoId or the body) as it is now. */
final class RetrieveHandler implements SoraOperationHandler {

    private final SoraBinding steps;

    RetrieveHandler(SoraBinding steps) {
        this.steps = steps;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        String videoId = SoraBinding.videoId(message, true);
        return steps.call("retrieve video", (provider, deadline) -> provider.retrieve(videoId, deadline))
                .thenAccept(response -> {
            SoraBinding.videoHeaders(message, response.value());
            message.setBody(response.value());
        });
    }
}
