package io.github.camelsora.api;

import java.util.Map;

/**
 * What a create is asked to render. {@code seconds} is a string on the wire, as the Videos API demands.
 *
 * @param parameters provider parameters beyond prompt, model, seconds and size (e.g. {@code negativePrompt},
 *                   {@code seed}, {@code generateAudio}), by the provider's own name; a provider refuses those it does
 *                   not document before anything is sent. Empty for the Videos protocol.
 */
public record VideoRequest(String prompt, String model, String seconds, String size, Map<String, Object> parameters) {

    public VideoRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public VideoRequest(String prompt, String model, String seconds, String size) {
        this(prompt, model, seconds, size, Map.of());
    }
}
