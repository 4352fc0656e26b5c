package io.github.camelsora;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code await}: wait without a thread until the video (header CamelSoraVideoId or the body) is terminal and
 * answer with it, whatever the status: a failed job is a result here, not an exception (check CamelSoraStatus).
 */
final class AwaitHandler implements SoraOperationHandler {

    private final SoraBinding steps;

    AwaitHandler(SoraBinding steps) {
        this.steps = steps;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        String videoId = SoraBinding.videoId(message, true);
        message.setHeader(SoraConstants.VIDEO_ID, videoId);
        return steps.engine().await(steps.context(), videoId, null, null).thenAccept(video -> {
            SoraBinding.videoHeaders(message, video);
            message.setBody(video);
        });
    }
}
