package io.github.camelsora.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One page of {@code GET /videos} ({@code VideoListResource}); pass {@link #lastId()} as {@code after} for the next. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VideoPage(
        List<Video> data,
        @JsonProperty("first_id") String firstId,
        @JsonProperty("last_id") String lastId,
        @JsonProperty("has_more") boolean hasMore) {

    public VideoPage {
        data = data == null ? List.of() : List.copyOf(data);
    }
}
