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
