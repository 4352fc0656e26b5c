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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a create is asked to render. {@code seconds} is kept as text (OpenAI's wire form); a provider that wants a
 * number gets one ({@link RequestShape}). {@code size} is {@code WIDTHxHEIGHT} or a resolution label.
 *
 * @param options     the neutral options (aspect ratio, resolution, negative prompt, seed, audio, frames, reference
 *                    images) and the provider's own fields passed through ({@link VideoOptions#providerOptions()});
 *                    a provider refuses a neutral option it has no field for before anything is sent
 * @param callbackUrl where the provider should call back when the job ends, for providers that take it per job, or
 *                    {@code null} (others ignore it)
 * @param storageUri  the cloud-storage location a provider writes the video to (Vertex AI {@code gs://}, Bedrock
 *                    {@code s3://}), or {@code null}; providers that cannot write there refuse it
 */
public record VideoRequest(String prompt, String model, String seconds, String size, VideoOptions options,
                           String callbackUrl, String storageUri) {

    public VideoRequest {
        options = options == null ? VideoOptions.NONE : options;
        storageUri = storageUri == null || storageUri.isBlank() ? null : storageUri;
    }

    /** A request with these options only. */
    public VideoRequest(String prompt, String model, String seconds, String size, VideoOptions options) {
        this(prompt, model, seconds, size, options, null, null);
    }

    /** A request with OpenAI's four fields only. */
    public VideoRequest(String prompt, String model, String seconds, String size) {
        this(prompt, model, seconds, size, VideoOptions.NONE);
    }

    /** The same request with other options. */
    public VideoRequest withOptions(VideoOptions other) {
        return new VideoRequest(prompt, model, seconds, size, other, callbackUrl, storageUri);
    }

    /** The same request with another prompt, seconds and size (a shot of a storyboard, a priced variant). */
    public VideoRequest with(String newPrompt, String newSeconds, String newSize) {
        return new VideoRequest(newPrompt, model, newSeconds, newSize, options, callbackUrl, storageUri);
    }

    /**
     * The neutral options that are set, by their neutral names ({@code aspectRatio}, {@code resolution},
     * {@code negativePrompt}, {@code seed}, {@code generateAudio}, {@code lastFrame}, {@code referenceImages},
     * {@code storageUri}), for providers that map them by name and refuse the rest. Provider options are not among
     * them.
     */
    public Map<String, Object> parameters() {
        Map<String, Object> set = new LinkedHashMap<>();
        put(set, "aspectRatio", options.aspectRatio());
        put(set, "resolution", options.resolution());
        put(set, "negativePrompt", options.negativePrompt() == null || options.negativePrompt().isBlank() ? null
                : options.negativePrompt());
        put(set, "seed", options.seed());
        put(set, "generateAudio", options.generateAudio());
        put(set, "lastFrame", options.lastFrame());
        put(set, "referenceImages", options.referenceImages().isEmpty() ? null : options.referenceImages());
        put(set, "storageUri", storageUri);
        return set;
    }

    private static void put(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
