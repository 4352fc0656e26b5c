package io.github.camelsora.simulator;

/** A validated create request, with the API defaults applied. */
record VideoSpec(String prompt, String model, FrameSize size, int seconds) {
}
