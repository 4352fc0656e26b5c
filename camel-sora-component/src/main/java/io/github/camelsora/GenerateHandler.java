package io.github.camelsora;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.InputReference;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code generate}: create a job from the message, wait for it without a thread, stream the MP4 to disk (and the
 * requested variants), optionally delete the job, and answer with the file. The create is sent exactly once;
 * whatever fails afterwards, the video id is on the exchange and in the exception, so the paid job can always be
 * found again.
 */
final class GenerateHandler implements SoraOperationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GenerateHandler.class);
    private static final List<String> STILL_VARIANTS = List.of("thumbnail", "spritesheet");

    private final JobSteps steps;

    GenerateHandler(JobSteps steps) {
        this.steps = steps;
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        SoraConfiguration config = steps.config();
        VideoRequest request = RequestReader.videoRequest(message, config, RequestReader.prompt(message));
        steps.validate(request);
        steps.prepareOutputDirectory();
        List<String> characters = RequestReader.characters(message, config);
        InputReference reference = RequestReader.inputReference(message, config, request.size());
        List<String> variants = variants(config.getVariants());
        boolean deleteAfter = config.isDeleteAfterDownload();
        CostControl.Reservation cost = steps.reserveCost(message, request);
        return steps.submitted(message, cost.releasedOnFailure(steps.resolveReference(reference, request.size())
                        .thenCompose(resolved -> steps.client().create(request, resolved, characters))), "video")
                .thenCompose(created -> steps.awaitCompleted(message, created.id()))
                .thenCompose(video -> {
                    LOG.info("Video {} completed; downloading", video.id());
                    return steps.downloadVideo(video.id()).thenCompose(saved -> downloadVariants(video, variants)
                            .thenApply(files -> {
                                JobSteps.videoHeaders(message, video);
                                JobSteps.fileResult(message, saved.file(), "video/mp4");
                                if (!files.isEmpty()) {
                                    message.setHeader(SoraConstants.VARIANT_FILES, files);
                                }
                                LOG.info("Video {} saved to {} ({} x {}, {} s)", video.id(), saved.file(),
                                        saved.info().width(), saved.info().height(), saved.info().durationSeconds());
                                return video;
                            }));
                })
                .thenCompose(video -> deleteAfter ? deleteQuietly(message, video) : CompletableFuture.completedFuture(null));
    }

    private CompletableFuture<Map<String, File>> downloadVariants(Video video, List<String> variants) {
        Map<String, File> files = new LinkedHashMap<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String variant : variants) {
            chain = chain.thenCompose(ignored -> steps.downloadImage(video.id(), variant)
                    .thenAccept(saved -> files.put(variant, saved.file().toFile())));
        }
        return chain.thenApply(ignored -> files);
    }

    /** The files are safe: a failed delete is reported, never a reason to fail (and maybe re-run) the exchange. */
    private CompletableFuture<Void> deleteQuietly(Message message, Video video) {
        return steps.client().delete(video.id()).handle((deleted, error) -> {
            boolean ok = error == null && deleted.value().deleted();
            message.setHeader(SoraConstants.DELETED, ok);
            if (!ok) {
                LOG.warn("Video {} was saved but could not be deleted on the server: {}", video.id(),
                        error == null ? "the server answered deleted=false" : error.getMessage());
            }
            return null;
        });
    }

    static List<String> variants(String option) {
        if (option == null || option.isBlank()) {
            return List.of();
        }
        List<String> variants = new ArrayList<>();
        for (String variant : Arrays.stream(option.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList()) {
            if (!STILL_VARIANTS.contains(variant)) {
                throw new SoraValidationException("variants", "'" + variant + "' is not one of " + STILL_VARIANTS);
            }
            if (!variants.contains(variant)) {
                variants.add(variant);
            }
        }
        return variants;
    }
}
