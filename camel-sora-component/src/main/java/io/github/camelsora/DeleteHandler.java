package io.github.camelsora;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code delete}: delete the video (header CamelSoraVideoId or the body) and its assets on the server. */
final class DeleteHandler implements SoraOperationHandler {

    private final SoraBinding steps;

    DeleteHandler(SoraBinding steps) {
        this.steps = steps;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        String videoId = SoraBinding.videoId(message, true);
        return steps.call("delete video", (provider, deadline) -> provider.delete(videoId, deadline)).thenAccept(response -> {
            message.setHeader(SoraConstants.VIDEO_ID, videoId);
            message.setHeader(SoraConstants.DELETED, response.value().deleted());
            message.setBody(response.value());
        });
    }
}
