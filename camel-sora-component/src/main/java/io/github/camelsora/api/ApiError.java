package io.github.camelsora.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The {@code error} object of the API's error responses: {@code {"error":{"message","type","param","code"}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(String message, String type, String param, String code) {
}
