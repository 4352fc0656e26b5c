package io.github.camelsora.api;

/**
 * What {@code POST /videos} is asked to render. {@code seconds} is kept as text (OpenAI's wire form); a provider that
 * wants a number gets one ({@link RequestShape}). {@code size} is {@code WIDTHxHEIGHT} or a resolution label.
 */
public record VideoRequest(String prompt, String model, String seconds, String size, VideoOptions options) {

    public VideoRequest {
        options = options == null ? VideoOptions.NONE : options;
    }

    /** The same request with other options. */
    public VideoRequest withOptions(VideoOptions other) {
        return new VideoRequest(prompt, model, seconds, size, other);
    }

    /** A request with OpenAI's four fields only. */
    public VideoRequest(String prompt, String model, String seconds, String size) {
        this(prompt, model, seconds, size, VideoOptions.NONE);
    }
}
