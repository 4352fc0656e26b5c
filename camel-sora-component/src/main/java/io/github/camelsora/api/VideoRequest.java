package io.github.camelsora.api;

/** What {@code POST /videos} is asked to render. {@code seconds} is a string on the wire, as the API demands. */
public record VideoRequest(String prompt, String model, String seconds, String size) {
}
