package io.github.camelsora;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code delete}: delete the video (header CamelSoraVideoId or the body) and its assets on the server. */
final class DeleteHandler implements SoraOperationHandler {

    private final JobSteps steps;

    DeleteHandler(JobSteps steps) {
        this.steps = steps;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        String videoId = JobSteps.videoId(message, true);
        return steps.client().delete(videoId).thenAccept(response -> {
            message.setHeader(SoraConstants.VIDEO_ID, videoId);
            message.setHeader(SoraConstants.DELETED, response.value().deleted());
            message.setBody(response.value());
        });
    }
}
