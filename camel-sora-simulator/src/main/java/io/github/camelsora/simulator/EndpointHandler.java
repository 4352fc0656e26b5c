package io.github.camelsora.simulator;

import java.io.IOException;

/** One endpoint; the router has already authenticated the request and matched method and path. */
interface EndpointHandler {

    /**
     * @param videoId the decoded {@code {video_id}} path segment, or null for collection endpoints
     */
    void handle(ApiExchange exchange, String videoId) throws IOException, ApiException;
}
