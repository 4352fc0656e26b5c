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
package io.github.camelsora.api;

import java.util.Map;

/**
 * What a create is asked to render. {@code seconds} is a string on the wire, as the Videos API demands.
 *
 * @param parameters  provider parameters beyond prompt, model, seconds and size (e.g. {@code negativePrompt},
 *                    {@code seed}, {@code generateAudio}), by the provider's own name; a provider refuses those it
 *                    does not document before anything is sent. Empty for the Videos protocol.
 * @param input       model-specific input as a JSON object text, passed through by providers that host many models
 *                    (fal, Replicate, BytePlus), or {@code null}
 * @param callbackUrl where the provider should call back when the job ends, for providers that take it per job, or
 *                    {@code null} (others ignore it)
 */
public record VideoRequest(String prompt, String model, String seconds, String size, Map<String, Object> parameters,
                           String input, String callbackUrl) {

    public VideoRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public VideoRequest(String prompt, String model, String seconds, String size, Map<String, Object> parameters) {
        this(prompt, model, seconds, size, parameters, null, null);
    }

    public VideoRequest(String prompt, String model, String seconds, String size) {
        this(prompt, model, seconds, size, Map.of());
    }

    /** The same request with another prompt, seconds and size (a shot of a storyboard, a priced variant). */
    public VideoRequest with(String newPrompt, String newSeconds, String newSize) {
        return new VideoRequest(newPrompt, model, newSeconds, newSize, parameters, input, callbackUrl);
    }
}
