package io.github.camelsora;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code retrieve}: the video (header CamelSoraVideoId or the body) as it is now. */
final class RetrieveHandler implements SoraOperationHandler {

    private final JobSteps steps;

    RetrieveHandler(JobSteps steps) {
        this.steps = steps;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        return steps.client().retrieve(JobSteps.videoId(message, true)).thenAccept(response -> {
            JobSteps.videoHeaders(message, response.value());
            message.setBody(response.value());
        });
    }
}
