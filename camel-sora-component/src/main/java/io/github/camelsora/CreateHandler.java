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

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.InputReference;
import io.github.camelsora.api.VideoRequest;
import io.github.camelsora.job.PolicyGateway;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code create}: submit a job (JSON, or multipart with an uploaded image) and answer with the queued video. */
final class CreateHandler implements SoraOperationHandler {

    private final SoraBinding steps;

    CreateHandler(SoraBinding steps) {
        this.steps = steps;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        SoraConfiguration config = steps.config();
        VideoRequest read = RequestReader.videoRequest(message, config, RequestReader.prompt(message));
        InputReference lastFrame = RequestReader.lastFrame(message, config, read.size());
        List<InputReference> references = RequestReader.referenceImages(message, config);
        VideoRequest request = lastFrame == null && references.isEmpty() ? read
                : read.withOptions(read.options().withLastFrame(lastFrame).withReferenceImages(references));
        steps.validate(request);
        List<String> characters = RequestReader.characters(message, config);
        InputReference reference = RequestReader.inputReference(message, config, request.size());
        PolicyGateway.Charge charge = steps.charge(message, request);
        return steps.resolveReference(reference, request.size())
                .thenCompose(resolved -> steps.submit("video", charge,
                        (provider, deadline) -> provider.create(request, resolved, characters, deadline)))
                .thenAccept(video -> {
                    SoraBinding.videoHeaders(message, video);
                    message.setBody(video);
                });
    }
}
