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

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How one provider wants a create request shaped, as data in its profile ({@code "request"}):
 * <ul>
 * <li>{@code encoding}: {@code auto} (JSON, multipart when an image is uploaded: OpenAI), {@code json}, or
 * {@code multipart} (servers that read form fields only: CometAPI, vLLM-Omni);</li>
 * <li>{@code secondsField} and {@code secondsType}: the duration's name ({@code seconds}, OpenRouter's
 * {@code duration}) and JSON type ({@code string} as OpenAI, {@code number} as Merge, SGLang, OpenRouter);</li>
 * <li>{@code sizeStyle}: {@code wxh} (size sent as given: {@code 1280x720}, or a label such as Merge's
 * {@code 768P}), {@code orientation} (CometAPI's hint {@code 16x9} / {@code 9x16}, from the aspect ratio or the
 * size), or {@code resolution-aspect} (no size: a resolution label {@code 720p} and an aspect ratio {@code 16:9},
 * as OpenRouter wants, derived from the size when not given);</li>
 * <li>{@code fields}: the provider's names of the neutral options it offers ({@code aspectRatio},
 * {@code resolution}, {@code negativePrompt}, {@code seed}, {@code generateAudio}). An option the provider does not
 * offer is refused before anything is sent;</li>
 * <li>{@code frames}: how the images go: {@code input_reference} (OpenAI's: one image, the first frame),
 * {@code ordered_files} (CometAPI: the first and the last frame as two ordered {@code input_reference} files), or
 * {@code frame_images} (OpenRouter: {@code frame_images} entries with {@code frame_type} first_frame / last_frame,
 * images as URLs or data URLs).</li>
 * </ul>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestShape(String encoding, String secondsField, String secondsType, String sizeStyle,
                           Map<String, String> fields, String frames) {

    /** OpenAI's own shape: seconds and size as strings, JSON unless an image is uploaded, no other option. */
    public static final RequestShape OPENAI = new RequestShape("auto", "seconds", "string", "wxh", Map.of(),
            "input_reference");

    /** The neutral options a profile may map. */
    public static final List<String> OPTIONS = List.of("aspectRatio", "resolution", "negativePrompt", "seed",
            "generateAudio");

    private static final Pattern WXH = Pattern.compile("([1-9][0-9]{1,4})x([1-9][0-9]{1,4})");

    RequestShape withDefaults() {
        return new RequestShape(encoding == null ? "auto" : encoding, secondsField == null ? "seconds" : secondsField,
                secondsType == null ? "string" : secondsType, sizeStyle == null ? "wxh" : sizeStyle,
                fields == null ? Map.of() : fields, frames == null ? "input_reference" : frames);
    }

    /** Whether the create must be sent as multipart/form-data even without an upload. */
    public boolean multipartOnly() {
        return "multipart".equals(encoding);
    }

    /** The provider's field for a neutral option, or null when it does not offer the option. */
    public String field(String option) {
        if ("aspectRatio".equals(option) && !"wxh".equals(sizeStyle)) {
            return "orientation".equals(sizeStyle) ? "size" : fields.getOrDefault(option, "aspect_ratio");
        }
        if ("resolution".equals(option) && "resolution-aspect".equals(sizeStyle)) {
            return fields.getOrDefault(option, "resolution");
        }
        return fields.get(option);
    }

    /**
     * Refuses, before anything is sent, a neutral option this provider does not offer and values that cannot be
     * shaped for it.
     *
     * @throws SoraValidationException naming the option and the provider
     */
    public void check(VideoRequest request, String provider) {
        VideoOptions options = request.options();
        check(options.aspectRatio(), "aspectRatio", provider);
        check(options.resolution(), "resolution", provider);
        check(options.negativePrompt(), "negativePrompt", provider);
        check(options.seed(), "seed", provider);
        check(options.generateAudio(), "generateAudio", provider);
        if (!options.referenceImages().isEmpty() && !"frame_images".equals(frames)) {
            throw new SoraValidationException("referenceImages", "provider " + provider + " takes no reference"
                    + " images");
        }
        if (options.lastFrame() != null && "input_reference".equals(frames)) {
            throw new SoraValidationException("lastFrame", "provider " + provider + " takes one image (the first"
                    + " frame, inputReference) and no last frame");
        }
        if ("resolution-aspect".equals(sizeStyle) && options.resolution() == null && resolutionOf(request.size()) == null) {
            throw new SoraValidationException("size", "provider " + provider + " takes a resolution and an aspect"
                    + " ratio; size '" + request.size() + "' gives neither: use WIDTHxHEIGHT or set resolution");
        }
    }

    private void check(Object value, String option, String provider) {
        if (value != null && field(option) == null) {
            throw new SoraValidationException(option, "provider " + provider + " does not offer " + option
                    + " (the profile maps no field for it); leave it out, or pass the provider's own field in"
                    + " providerOptions");
        }
    }

    /**
     * The create request's fields in the provider's names and types, in a stable order: prompt, model, duration,
     * size (or resolution and aspect ratio), the neutral options, then the provider options (which may override
     * any of them). Values are strings, numbers, booleans or what {@code providerOptions} holds; nulls are left out.
     */
    public Map<String, Object> fields(VideoRequest request) {
        VideoOptions options = request.options();
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "prompt", request.prompt());
        put(body, "model", request.model());
        put(body, secondsField, seconds(request.seconds()));
        switch (sizeStyle) {
            case "orientation" -> put(body, "size", orientation(options.aspectRatio(), request.size()));
            case "resolution-aspect" -> {
                put(body, field("resolution"), options.resolution() != null ? options.resolution()
                        : resolutionOf(request.size()));
                put(body, field("aspectRatio"), options.aspectRatio() != null
                        ? options.aspectRatio().strip().replace('x', ':') : ratioOf(request.size(), ":"));
            }
            default -> {
                put(body, "size", request.size());
                put(body, field("aspectRatio"), options.aspectRatio());
                put(body, field("resolution"), options.resolution());
            }
        }
        put(body, field("negativePrompt"), options.negativePrompt());
        put(body, field("seed"), options.seed());
        put(body, field("generateAudio"), options.generateAudio());
        if (options.providerOptions() != null) {
            options.providerOptions().forEach((name, value) -> {
                if (value == null) {
                    body.remove(name);
                } else {
                    body.put(name, value);
                }
            });
        }
        return body;
    }

    private Object seconds(String seconds) {
        if (seconds == null || !"number".equals(secondsType)) {
            return seconds;
        }
        try {
            return Integer.valueOf(seconds.strip());
        } catch (NumberFormatException e) {
            return seconds;
        }
    }

    private static void put(Map<String, Object> body, String name, Object value) {
        if (name != null && value != null) {
            body.put(name, value);
        }
    }

    /** CometAPI's orientation hint: {@code 16x9} for landscape, {@code 9x16} for portrait, {@code 1x1} square. */
    static String orientation(String aspectRatio, String size) {
        if (aspectRatio != null) {
            return aspectRatio.strip().replace(':', 'x');
        }
        Matcher wxh = size == null ? null : WXH.matcher(size);
        if (wxh == null || !wxh.matches()) {
            return size;
        }
        int w = Integer.parseInt(wxh.group(1));
        int h = Integer.parseInt(wxh.group(2));
        return w > h ? "16x9" : w < h ? "9x16" : "1x1";
    }

    /** {@code 720p} from {@code 1280x720} or {@code 720x1280} (the shorter side); a label is kept; else null. */
    static String resolutionOf(String size) {
        if (size == null) {
            return null;
        }
        Matcher wxh = WXH.matcher(size);
        if (wxh.matches()) {
            return Math.min(Integer.parseInt(wxh.group(1)), Integer.parseInt(wxh.group(2))) + "p";
        }
        String label = size.strip().toLowerCase(Locale.ROOT);
        return label.matches("[0-9]{3,4}p|[1-9]k") ? label : null;
    }

    /** {@code 16:9} from {@code 1280x720}; null for a size that is not WIDTHxHEIGHT. */
    static String ratioOf(String size, String separator) {
        Matcher wxh = size == null ? null : WXH.matcher(size);
        if (wxh == null || !wxh.matches()) {
            return null;
        }
        BigInteger w = new BigInteger(wxh.group(1));
        BigInteger h = new BigInteger(wxh.group(2));
        BigInteger gcd = w.gcd(h);
        return w.divide(gcd) + separator + h.divide(gcd);
    }
}
