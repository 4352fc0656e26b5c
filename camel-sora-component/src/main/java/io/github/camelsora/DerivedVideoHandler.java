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

import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoRequest;
import io.github.camelsora.api.VideoRequestValidator;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code remix}, {@code edit} and {@code extend}: a new billable job from the completed video in header
 * CamelSoraVideoId and the prompt in the body (extend also takes {@code seconds}). Answers the new, queued video;
 * chain {@code await} and {@code download} to get its file.
 */
final class DerivedVideoHandler implements SoraOperationHandler {

    private final SoraBinding steps;
    private final SoraOperation operation;

    DerivedVideoHandler(SoraBinding steps, SoraOperation operation) {
        this.steps = steps;
        this.operation = operation;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        String source = SoraBinding.videoId(message, false);
        String prompt = RequestReader.prompt(message);
        if (prompt == null || prompt.isBlank()) {
            throw new SoraValidationException("prompt", "a prompt is required (the message body or header CamelSoraPrompt)");
        }
        if (prompt.length() > VideoRequestValidator.MAX_PROMPT_LENGTH) {
            throw new SoraValidationException("prompt", "at most " + VideoRequestValidator.MAX_PROMPT_LENGTH
                                                        + " characters are allowed, got " + prompt.length());
        }
        String seconds = operation == SoraOperation.extend ? seconds(message) : null;
        // priced as the endpoint's (or the headers') model and size for the seconds rendered: the source job's own
        // settings are not known without reading it
        VideoRequest priced = RequestReader.videoRequest(message, steps.config(), prompt);
        if (seconds != null) {
            priced = priced.with(priced.prompt(), seconds, priced.size());
        }
        return steps.submit(operation.name(), steps.charge(message, priced), (provider, deadline) -> switch (operation) {
            case remix -> provider.remix(source, prompt, deadline);
            case edit -> provider.edit(source, prompt, deadline);
            default -> provider.extend(source, prompt, seconds, deadline);
        }).thenAccept(video -> {
            SoraBinding.videoHeaders(message, video);
            message.setBody(video);
        });
    }

    private String seconds(Message message) {
        String seconds = message.getHeader(SoraConstants.SECONDS, steps.config().getSeconds(), String.class);
        if (seconds == null || !seconds.matches("[1-9][0-9]{0,3}")) {
            throw new SoraValidationException("seconds", "'" + seconds + "' is not a whole number of seconds");
        }
        return seconds;
    }
}
