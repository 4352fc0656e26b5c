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
