package io.github.camelsora;

import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoStatus;
import org.apache.camel.Message;

/** How the consumers put a job on a message: headers from the job, the job or its downloaded file as body. */
final class JobMessages {

    private JobMessages() {
    }

    static CompletableFuture<Void> deliver(SoraEndpoint endpoint, Video video, Message message) {
        JobSteps.videoHeaders(message, video);
        if (!endpoint.getConfiguration().isDownload() || video.videoStatus() != VideoStatus.COMPLETED) {
            message.setBody(video);
            return CompletableFuture.completedFuture(null);
        }
        return new JobSteps(endpoint).downloadVideo(video.id())
                .thenAccept(saved -> JobSteps.fileResult(message, saved.file(), "video/mp4"));
    }
}
