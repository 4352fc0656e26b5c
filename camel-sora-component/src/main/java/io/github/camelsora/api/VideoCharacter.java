package io.github.camelsora.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A reusable character ({@code VideoCharacterResource}); reference it on create by its id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VideoCharacter(String id, String name, @JsonProperty("created_at") Long createdAt) {
}
