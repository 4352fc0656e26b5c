package io.github.camelsora.job;

import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.Video;

/** Where the tracker reads a job's status from; {@code VideosClient::retrieve} in production. */
@FunctionalInterface
public interface StatusSource {

    CompletableFuture<ApiResponse<Video>> retrieve(String videoId);
}
