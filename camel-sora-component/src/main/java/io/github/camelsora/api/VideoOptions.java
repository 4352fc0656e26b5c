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
 * The neutral options of a create beyond OpenAI's four, named with the terms providers share; each is mapped to the
 * provider's field by its profile ({@link RequestShape}), or refused before sending where the provider lacks it.
 *
 * @param aspectRatio     e.g. {@code 16:9}, {@code 9:16} (also written {@code 16x9})
 * @param resolution      a resolution label, e.g. {@code 720p}, {@code 1080p}, {@code 768P}
 * @param negativePrompt  what the video should not show
 * @param seed            the sampler's seed, for repeatable renders
 * @param generateAudio   whether the model renders a soundtrack
 * @param providerOptions provider fields passed through as they are (they win over the fields above; a null value
 *                        removes a field)
 * @param lastFrame       the image the video ends on (the reference image, {@code input_reference}, is the first
 *                        frame), where the provider takes one (CometAPI's second ordered file, OpenRouter's
 *                        {@code frame_images} last_frame)
 * @param referenceImages style or content references (not frames), where the provider takes them (OpenRouter's
 *                        {@code input_references})
 */
public record VideoOptions(String aspectRatio, String resolution, String negativePrompt, Long seed,
                           Boolean generateAudio, Map<String, Object> providerOptions, InputReference lastFrame,
                           java.util.List<InputReference> referenceImages) {

    /** No option set. */
    public static final VideoOptions NONE = new VideoOptions(null, null, null, null, null, Map.of(), null, null);

    /**
     * @throws SoraValidationException for an aspect ratio that is not {@code W:H} (or {@code WxH}), and for a
     *                                 provider option that would set what the component prices and sends itself
     *                                 (see {@link #PRICED_FIELDS})
     */
    public VideoOptions {
        if (aspectRatio != null) {
            String ratio = aspectRatio.strip();
            if (!RATIO.matcher(ratio).matches()) {
                throw new SoraValidationException("aspectRatio", "'" + aspectRatio
                        + "' is not an aspect ratio such as 16:9 or 9x16");
            }
            aspectRatio = ratio.replace('x', ':'); // every provider that takes a ratio writes it 16:9
        }
        providerOptions = providerOptions == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(providerOptions));
        for (String field : providerOptions.keySet()) {
            if (PRICED_FIELDS.contains(field)) {
                throw new SoraValidationException("providerOptions." + field, "the duration and the number of videos"
                        + " decide the price, so the component sends them itself: set option seconds (header"
                        + " CamelSoraSeconds) instead");
            }
        }
        referenceImages = referenceImages == null ? java.util.List.of() : java.util.List.copyOf(referenceImages);
    }

    /**
     * Provider fields that decide what a job costs (its duration, how many videos it renders), under the names the
     * providers use ({@code seconds}, fal's and Replicate's {@code duration}, Veo's {@code durationSeconds} and
     * {@code sampleCount}, ...): the component sends them from {@code seconds} and prices them before sending, so a
     * provider option may not override them (the budget would price one job and the provider bill another).
     */
    public static final java.util.Set<String> PRICED_FIELDS = java.util.Set.of("seconds", "duration",
            "durationSeconds", "duration_seconds", "sampleCount", "sample_count", "n", "num_outputs",
            "num_videos", "numberOfVideos");

    private static final java.util.regex.Pattern RATIO = java.util.regex.Pattern.compile(
            "[1-9][0-9]?[:x][1-9][0-9]?");

    /** Options without images. */
    public VideoOptions(String aspectRatio, String resolution, String negativePrompt, Long seed,
                        Boolean generateAudio, Map<String, Object> providerOptions) {
        this(aspectRatio, resolution, negativePrompt, seed, generateAudio, providerOptions, null, null);
    }

    /** The same options with this last frame. */
    public VideoOptions withLastFrame(InputReference frame) {
        return new VideoOptions(aspectRatio, resolution, negativePrompt, seed, generateAudio, providerOptions, frame,
                referenceImages);
    }

    /** The same options with these reference images. */
    public VideoOptions withReferenceImages(java.util.List<InputReference> images) {
        return new VideoOptions(aspectRatio, resolution, negativePrompt, seed, generateAudio, providerOptions,
                lastFrame, images);
    }

    /**
     * Provider options as they should go on the wire: text that reads as a whole number, a decimal, {@code true} or
     * {@code false}, or a JSON object or array becomes that (URI and YAML options arrive as text); anything else is
     * kept as it is.
     */
    public static Map<String, Object> typed(Map<String, ?> options) {
        Map<String, Object> typed = new LinkedHashMap<>();
        if (options != null) {
            options.forEach((name, value) -> typed.put(name, typed(value)));
        }
        return typed;
    }

    /** A JSON object text as a map (header CamelSoraProviderOptions may be one); null for null. */
    public static Map<String, Object> parseObject(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Object value = Json.MAPPER.readValue(json, Object.class);
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> result = new LinkedHashMap<>();
                map.forEach((k, v) -> result.put(String.valueOf(k), v));
                return result;
            }
        } catch (java.io.IOException e) {
            // fall through
        }
        throw new SoraValidationException("providerOptions", "not a JSON object: " + ServerText.clean(json));
    }

    private static Object typed(Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        String trimmed = text.strip();
        if (trimmed.equals("true") || trimmed.equals("false")) {
            return Boolean.valueOf(trimmed);
        }
        if (trimmed.matches("-?[0-9]{1,18}")) {
            return Long.valueOf(trimmed);
        }
        if (trimmed.matches("-?[0-9]+\\.[0-9]+")) {
            return new java.math.BigDecimal(trimmed);
        }
        if ((trimmed.startsWith("{") && trimmed.endsWith("}")) || (trimmed.startsWith("[") && trimmed.endsWith("]"))) {
            try {
                return Json.MAPPER.readValue(trimmed, Object.class);
            } catch (java.io.IOException e) {
                return text;
            }
        }
        return text;
    }

    /** Whether nothing is set (the request is OpenAI's four fields). */
    public boolean isEmpty() {
        return aspectRatio == null && resolution == null && negativePrompt == null && seed == null
               && generateAudio == null && providerOptions.isEmpty() && lastFrame == null
               && referenceImages.isEmpty();
    }

    /** A stable text of what is set, for the idempotency fingerprint; empty when nothing is. */
    public String fingerprint() {
        if (isEmpty()) {
            return "";
        }
        return String.join("\u0000", String.valueOf(aspectRatio), String.valueOf(resolution),
                String.valueOf(negativePrompt), String.valueOf(seed), String.valueOf(generateAudio),
                new java.util.TreeMap<>(providerOptions).toString())
               + (lastFrame == null ? "" : "\u0000" + describe(lastFrame))
               + referenceImages.stream().map(image -> "\u0000" + describe(image)).reduce("", String::concat);
    }

    private static String describe(InputReference frame) {
        if (frame instanceof InputReference.Upload upload) {
            try {
                return "upload:" + java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(upload.bytes()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is always available", e);
            }
        }
        return frame.toString();
    }
}
