package io.github.camelsora.simulator;

import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /files/<token>}: a signed result link ({@link ResultLinks}). No credential is needed; a link that is
 * forged or past its expiry answers 403, as a storage bucket's signed URL does; a valid one serves the job's MP4.
 */
final class ResultFileHandler implements EndpointHandler {

    private final SimulatorState state;
    private final VideoContentHandler content;

    ResultFileHandler(SimulatorState state, VideoContentHandler content) {
        this.state = state;
        this.content = content;
    }

    @Override
    public void handle(ApiExchange exchange, String token) throws IOException, ApiException {
        String videoId = state.links.videoId(token, state.clock.instant());
        if (videoId == null) {
            throw new ApiException(403, ApiException.INVALID_REQUEST, "Request has expired or its signature does"
                    + " not match.", null, "expired_link", Map.of());
        }
        content.handle(exchange, videoId);
    }
}
