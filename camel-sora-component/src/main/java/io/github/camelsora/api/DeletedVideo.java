package io.github.camelsora.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The answer of {@code DELETE /videos/{id}} ({@code DeletedVideoResource}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeletedVideo(String id, String object, boolean deleted) {
}
