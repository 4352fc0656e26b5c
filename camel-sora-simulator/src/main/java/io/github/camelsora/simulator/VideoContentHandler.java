/*
 * Copyright 2026 The camel-sora Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelsora.simulator;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code GET /v1/videos/{id}/content?variant=video|thumbnail|spritesheet}. Serves only completed jobs and
 * only whole files: the MP4 is streamed from the renderer's cache with its Content-Length.
 */
final class VideoContentHandler implements EndpointHandler {

    private static final System.Logger LOG = System.getLogger(VideoContentHandler.class.getName());

    private static final int OPEN_ATTEMPTS = 3;

    private final SimulatorState state;

    VideoContentHandler(SimulatorState state) {
        this.state = state;
    }

    /** The LiteLLM proxy answers every variant as an MP4 attachment, whatever the bytes are. */
    private String label(String contentType, String videoId) {
        return state.dialect == Dialect.LITELLM ? "video/mp4" : contentType;
    }

    @Override
    public void handle(ApiExchange exchange, String videoId) throws IOException, ApiException {
        String variant = exchange.query().getOrDefault("variant", "video");
        if (!variant.equals("video") && !variant.equals("thumbnail") && !variant.equals("spritesheet")) {
            throw ApiException.invalidValue("variant", variant, "'video', 'thumbnail', and 'spritesheet'");
        }
        VideoJob job = state.requireJob(videoId);
        JobSnapshot snapshot = state.snapshot(job);
        if (snapshot.status() == JobStatus.FAILED) {
            throw ApiException.invalidRequest("Video '" + videoId + "' failed (" + snapshot.error().code()
                    + "), so it has no content to download.", null, "video_not_ready");
        }
        if (snapshot.status() == JobStatus.EXPIRED) {
            throw ApiException.notFound("The assets of video '" + videoId + "' expired at " + snapshot.expiresAt()
                    + " (unix seconds) and can no longer be downloaded.", "video_expired");
        }
        if (snapshot.status() != JobStatus.COMPLETED) {
            throw ApiException.invalidRequest("Video '" + videoId + "' is not ready yet: its status is '"
                    + snapshot.status().wireName() + "'. Download content once the status is 'completed'.", null,
                    "video_not_ready");
        }
        int width = job.size().width();
        int height = job.size().height();
        try {
            switch (variant) {
                case "thumbnail" -> {
                    byte[] webp = state.renderer.thumbnail(width, height, job.mediaPrompt());
                    state.counters.downloaded(videoId);
                    exchange.sendBytes(200, label("image/webp", videoId), webp);
                }
                case "spritesheet" -> {
                    byte[] jpeg = state.renderer.spritesheet(width, height, job.seconds(), job.mediaPrompt());
                    state.counters.downloaded(videoId);
                    exchange.sendBytes(200, label("image/jpeg", videoId), jpeg);
                }
                default -> {
                    try (FileChannel mp4 = openVideo(job)) {
                        state.counters.downloaded(videoId);
                        exchange.sendFile(label("video/mp4", videoId), mp4);
                    }
                }
            }
        } catch (IOException e) {
            if (exchange.hasResponded()) {
                throw e; // the client went away mid-stream; nothing more to answer
            }
            LOG.log(Level.WARNING, "rendering " + variant + " of " + videoId + " failed", e);
            throw new ApiException(500, "server_error", "The simulator could not render the " + variant + ": "
                    + e.getMessage(), null, "render_failed", null);
        }
    }

    /**
     * Opens the cached MP4. The renderer's LRU may delete a file between returning its path and our open;
     * asking again renders it anew, so retry a few times before giving up.
     */
    private FileChannel openVideo(VideoJob job) throws IOException {
        int width = job.size().width();
        int height = job.size().height();
        NoSuchFileException lastMiss = null;
        for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
            Path mp4 = job.videoBytes() == null
                    ? state.renderer.video(width, height, job.seconds(), job.mediaPrompt())
                    : state.renderer.paddedVideo(width, height, job.seconds(), job.mediaPrompt(), job.videoBytes());
            try {
                return FileChannel.open(mp4, StandardOpenOption.READ);
            } catch (NoSuchFileException evicted) {
                lastMiss = evicted;
            }
        }
        throw lastMiss;
    }
}
