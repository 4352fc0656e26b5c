package io.github.camelsora.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Why a job failed: the {@code error} member of a video. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VideoError(String code, String message) {
}
