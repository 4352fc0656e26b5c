package io.github.camelsora.simulator;

/**
 * A validated create request, with the API defaults applied.
 *
 * @param sizeLabel the size as the client wrote it ({@code 768P}, {@code 16x9}), echoed by the dialects that do
 */
record VideoSpec(String prompt, String model, FrameSize size, int seconds, String sizeLabel) {

    VideoSpec(String prompt, String model, FrameSize size, int seconds) {
        this(prompt, model, size, seconds, size.toString());
    }
}
