package io.github.camelsora;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.ApiError;
import io.github.camelsora.api.ModelCatalog;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraJobFailedException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoRequest;
import io.github.camelsora.api.VideoRequestValidator;
import io.github.camelsora.api.VideoStatus;
import io.github.camelsora.api.VideosClient;
import io.github.camelsora.media.VideoFiles;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code generate}: create a job from the message, wait for it without a thread, stream the MP4 to disk, and
 * answer with the file. The create is sent exactly once; whatever fails afterwards, the video id is on the
 * exchange and in the exception, so the paid job can always be found again.
 */
final class GenerateHandler implements SoraOperationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GenerateHandler.class);

    private final SoraEndpoint endpoint;
    private final VideoRequestValidator validator = new VideoRequestValidator(ModelCatalog.SORA_2);

    GenerateHandler(SoraEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        VideoRequest request = request(exchange.getMessage());
        if (!validator.validate(request)) {
            LOG.warn("Model '{}' is not in the catalog: size {} and seconds {} are sent unchecked", request.model(),
                    request.size(), request.seconds());
        }
        VideosClient client = endpoint.client();
        Duration timeout = Duration.ofMillis(endpoint.getConfiguration().getTimeout());
        Path directory = endpoint.outputDirectory();
        try {
            Files.createDirectories(directory); // a directory we cannot write to fails now, before anything is billed
        } catch (IOException e) {
            throw new SoraException("Cannot use output directory " + directory + ": " + e, null, e);
        }
        Message message = exchange.getMessage();
        return client.create(request)
                .thenCompose(created -> {
                    String videoId = created.value().id();
                    if (!VideoFiles.isSafeId(videoId)) {
                        // the id becomes a file name and a URL segment: a hostile one ends the exchange here
                        throw new SoraApiException("create video", 200, new ApiError("the server returned video id '"
                                + videoId + "', which is not safe as a file name", null, null, "invalid_video_id"),
                                created.requestId(), null);
                    }
                    message.setHeader(SoraConstants.VIDEO_ID, videoId);
                    message.setHeader(SoraConstants.STATUS, created.value().status());
                    LOG.info("Submitted video {} ({} {} {}s) [requestId={}]", videoId, request.model(), request.size(),
                            request.seconds(), created.requestId());
                    return endpoint.getComponent().tracker()
                            .await(videoId, client::retrieve, endpoint.completionPolicy(), timeout);
                })
                .thenCompose(video -> {
                    message.setHeader(SoraConstants.STATUS, video.status());
                    if (video.videoStatus() != VideoStatus.COMPLETED) {
                        throw new SoraJobFailedException(video.id(), video.status(),
                                video.error() == null ? null : video.error().code(),
                                video.error() == null ? null : video.error().message());
                    }
                    LOG.info("Video {} completed; downloading", video.id());
                    return VideoDownloader.download(client, video, directory,
                            endpoint.getComponent().continuations());
                })
                .thenAccept(result -> {
                    Video video = result.video();
                    message.setBody(result.file().toFile());
                    message.setHeader(SoraConstants.VIDEO_ID, video.id());
                    message.setHeader(SoraConstants.STATUS, video.status());
                    message.setHeader(SoraConstants.MODEL, video.model() != null ? video.model() : request.model());
                    message.setHeader(SoraConstants.SECONDS,
                            video.seconds() != null ? video.seconds() : request.seconds());
                    message.setHeader(SoraConstants.SIZE, video.size() != null ? video.size() : request.size());
                    message.setHeader(SoraConstants.EXPIRES_AT, video.expiresAt());
                    message.setHeader(Exchange.FILE_NAME, result.file().getFileName().toString());
                    message.setHeader(Exchange.CONTENT_TYPE, "video/mp4");
                    LOG.info("Video {} saved to {} ({} x {}, {} s)", video.id(), result.file(), result.info().width(),
                            result.info().height(), result.info().durationSeconds());
                });
    }

    private VideoRequest request(Message message) {
        SoraConfiguration config = endpoint.getConfiguration();
        String prompt = message.getHeader(SoraConstants.PROMPT, String.class);
        if (prompt == null) {
            prompt = message.getBody(String.class);
        }
        return new VideoRequest(prompt,
                message.getHeader(SoraConstants.MODEL, config.getModel(), String.class),
                message.getHeader(SoraConstants.SECONDS, config.getSeconds(), String.class),
                message.getHeader(SoraConstants.SIZE, config.getSize(), String.class));
    }
}
