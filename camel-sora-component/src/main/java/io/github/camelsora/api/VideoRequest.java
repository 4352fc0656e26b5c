package io.github.camelsora.api;

/**
 * What {@code POST /videos} is asked to render. {@code seconds} is a string on the wire, as the API demands.
 *
 * @param input       model-specific input as a JSON object text, passed through by providers that host many models
 *                    (fal, Replicate, BytePlus), or {@code null}
 * @param callbackUrl where the provider should call back when the job ends, for providers that take it per job, or
 *                    {@code null}
 */
public record VideoRequest(String prompt, String model, String seconds, String size, String input,
                           String callbackUrl) {

    public VideoRequest(String prompt, String model, String seconds, String size) {
        this(prompt, model, seconds, size, null, null);
    }

    /** The same request with another prompt, seconds and size (a shot of a storyboard, a priced variant). */
    public VideoRequest with(String newPrompt, String newSeconds, String newSize) {
        return new VideoRequest(newPrompt, model, newSeconds, newSize, input, callbackUrl);
    }
}
