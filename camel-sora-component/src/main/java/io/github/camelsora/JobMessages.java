package io.github.camelsora;

import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoStatus;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** How the consumers put a job on a message: headers from the job, the job or its downloaded file as body. */
final class JobMessages {

    private JobMessages() {
    }

    static CompletableFuture<Void> deliver(SoraEndpoint endpoint, Video video, Message message) {
        describe(video, message);
        if (!endpoint.getConfiguration().isDownload() || video.videoStatus() != VideoStatus.COMPLETED) {
            message.setBody(video);
            return CompletableFuture.completedFuture(null);
        }
        return VideoDownloader.download(endpoint.client(), video, endpoint.outputDirectory(),
                endpoint.getComponent().continuations())
                .thenAccept(saved -> {
                    message.setBody(saved.file().toFile());
                    message.setHeader(Exchange.FILE_NAME, saved.file().getFileName().toString());
                    message.setHeader(Exchange.CONTENT_TYPE, "video/mp4");
                });
    }

    static void describe(Video video, Message message) {
        message.setHeader(SoraConstants.VIDEO_ID, video.id());
        message.setHeader(SoraConstants.STATUS, video.status());
        setIfKnown(message, SoraConstants.MODEL, video.model());
        setIfKnown(message, SoraConstants.SECONDS, video.seconds());
        setIfKnown(message, SoraConstants.SIZE, video.size());
        setIfKnown(message, SoraConstants.EXPIRES_AT, video.expiresAt());
    }

    private static void setIfKnown(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
