package io.github.camelsora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideosClient;
import io.github.camelsora.media.InvalidMediaException;
import io.github.camelsora.media.Mp4Info;
import io.github.camelsora.media.VideoFiles;

/**
 * Streams a completed job's MP4 to a temporary file beside its target, checks it, and moves it into place: a file
 * at {@code <directory>/<videoId>.mp4} is always a whole, valid video.
 */
final class VideoDownloader {

    record Saved(Video video, Path file, Mp4Info info) {
    }

    private VideoDownloader() {
    }

    /** @param checks where the downloaded file is checked and moved: not on the HTTP I/O thread */
    static CompletableFuture<Saved> download(VideosClient client, Video video, Path directory, Executor checks) {
        Path target;
        Path temporary;
        try {
            target = VideoFiles.target(directory, video.id(), "mp4");
        } catch (IllegalArgumentException unsafeId) {
            return CompletableFuture.failedFuture(new SoraException(unsafeId.getMessage(), video.id()));
        }
        try {
            temporary = VideoFiles.temporaryFor(target);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    new SoraException("Cannot create a file in " + directory + ": " + e.getMessage(), video.id(), e));
        }
        return client.downloadContent(video.id(), "video", temporary)
                .thenApplyAsync(download -> {
                    try {
                        return new Saved(video, target, VideoFiles.commitMp4(download.file(), target));
                    } catch (InvalidMediaException e) {
                        throw new SoraException("The content of video " + video.id() + " is not a valid MP4 ("
                                                + e.getMessage() + "); nothing was written to " + target,
                                video.id());
                    } catch (IOException e) {
                        throw new SoraException("Cannot save video " + video.id() + " to " + target + ": "
                                                + e.getMessage(), video.id(), e);
                    }
                }, checks);
    }
}
