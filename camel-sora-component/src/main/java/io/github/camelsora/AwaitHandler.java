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
