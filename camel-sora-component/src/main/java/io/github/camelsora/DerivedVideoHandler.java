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

import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoRequestValidator;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code remix}, {@code edit} and {@code extend}: a new billable job from the completed video in header
 * CamelSoraVideoId and the prompt in the body (extend also takes {@code seconds}). Answers the new, queued video;
 * chain {@code await} and {@code download} to get its file.
 */
final class DerivedVideoHandler implements SoraOperationHandler {

    private final JobSteps steps;
    private final SoraOperation operation;

    DerivedVideoHandler(JobSteps steps, SoraOperation operation) {
        this.steps = steps;
        this.operation = operation;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        String source = JobSteps.videoId(message, false);
        String prompt = RequestReader.prompt(message);
        if (prompt == null || prompt.isBlank()) {
            throw new SoraValidationException("prompt", "a prompt is required (the message body or header CamelSoraPrompt)");
        }
        if (prompt.length() > VideoRequestValidator.MAX_PROMPT_LENGTH) {
            throw new SoraValidationException("prompt", "at most " + VideoRequestValidator.MAX_PROMPT_LENGTH
                                                        + " characters are allowed, got " + prompt.length());
        }
        CompletableFuture<ApiResponse<Video>> submit = switch (operation) {
            case remix -> steps.client().remix(source, prompt);
            case edit -> steps.client().edit(source, prompt);
            default -> steps.client().extend(source, prompt, seconds(message));
        };
        return steps.submitted(message, submit, operation.name()).thenAccept(video -> {
            JobSteps.videoHeaders(message, video);
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
