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
import io.github.camelsora.job.JobEngine;
import io.github.camelsora.job.PolicyGateway;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code generate}: create a job from the message, wait for it without a thread, stream the MP4 to disk (and the
 * requested variants), optionally delete the job, and answer with the file. The job is recorded by the message's
 * idempotency key (see {@link JobEngine}), so a message that comes back resumes its job
 * instead of paying again; whatever fails, the video id is on the exchange and in the exception, so the paid job
 * can always be found again.
 */
final class GenerateHandler implements SoraOperationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GenerateHandler.class);
    private static final List<String> STILL_VARIANTS = List.of("thumbnail", "spritesheet");

    private final SoraBinding steps;
    private final Expression keyExpression;

    GenerateHandler(SoraBinding steps) {
        this.steps = steps;
        String expression = steps.config().getIdempotencyKey();
        this.keyExpression = expression == null || expression.isBlank() ? null
                : steps.endpoint().getCamelContext().resolveLanguage("simple").createExpression(expression);
    }

    @Override
    public CompletableFuture<Void> start(Exchange exchange) {
        Message message = exchange.getMessage();
        SoraConfiguration config = steps.config();
        VideoRequest read = RequestReader.videoRequest(message, config, RequestReader.prompt(message));
        InputReference lastFrame = RequestReader.lastFrame(message, config, read.size());
        List<InputReference> references = RequestReader.referenceImages(message, config);
        VideoRequest request = lastFrame == null && references.isEmpty() ? read
                : read.withOptions(read.options().withLastFrame(lastFrame).withReferenceImages(references));
        steps.validate(request);
        steps.prepareOutputDirectory();
        List<String> characters = RequestReader.characters(message, config);
        InputReference reference = RequestReader.inputReference(message, config, request.size());
        List<String> variants = config.isDownloadResult() ? variants(config.getVariants()) : List.of();
        if (!config.isDownloadResult() && (!steps.endpoint().profile().supports("storageUri")
                                           || config.getStorageUri() == null || config.getStorageUri().isBlank())) {
            throw new SoraValidationException("downloadResult", "downloadResult=false leaves the video in the"
                    + " provider's storage: it needs a provider that writes there (vertex, bedrock) and storageUri");
        }
        boolean deleteAfter = config.isDeleteAfterDownload();
        PolicyGateway.Charge charge = steps.charge(message, request);
        String key = idempotencyKey(exchange);
        JobEngine.JobContext context = steps.context();
        // the job store, limits, retries, budget and reconciliation are the engine's; the headers are ours
        return steps.resolveReference(reference, request.size())
                .thenCompose(resolved -> steps.engine().run(key, request, context, charge,
                        deadline -> context.provider().create(request, resolved, characters, key, deadline),
                        (videoId, status) -> {
                            message.setHeader(SoraConstants.VIDEO_ID, videoId);
                            if (status != null) {
                                message.setHeader(SoraConstants.STATUS, status);
                            }
                        }))
                .thenCompose(result -> {
                    Video video = result.video();
                    if (result.file() == null) {
                        // left where the provider wrote it: the location is the answer
                        SoraBinding.videoHeaders(message, video);
                        message.setBody(video.outputUri());
                        LOG.info("Video {} left at {}{}", video.id(), video.outputUri(),
                                result.resumed() ? " [resumed, no new create]" : "");
                        return CompletableFuture.completedFuture(video);
                    }
                    return downloadVariants(context, video, variants).thenApply(files -> {
                        SoraBinding.videoHeaders(message, video);
                        SoraBinding.fileResult(message, result.file(), "video/mp4");
                        if (!files.isEmpty()) {
                            message.setHeader(SoraConstants.VARIANT_FILES, files);
                        }
                        LOG.info("Video {} saved to {} ({} x {}, {} s){}", video.id(), result.file(),
                                result.info().width(), result.info().height(), result.info().durationSeconds(),
                                result.resumed() ? " [resumed, no new create]" : "");
                        return video;
                    });
                })
                .thenCompose(video -> deleteAfter ? deleteQuietly(message, video) : CompletableFuture.completedFuture(null));
    }

    /**
     * The message's idempotency key: the header, else the endpoint's expression, else what identifies the same
     * message for the usual sources: a JMS message id survives redelivery; a file is the same file while its path,
     * modification time and length are; anything else is known by its exchange id, which Camel's own redeliveries
     * keep.
     */
    private String idempotencyKey(Exchange exchange) {
        Message message = exchange.getMessage();
        String key = message.getHeader(SoraConstants.IDEMPOTENCY_KEY, String.class);
        if (key == null && keyExpression != null) {
            key = keyExpression.evaluate(exchange, String.class);
        }
        if (key == null) {
            String jmsId = message.getHeader("JMSMessageID", String.class);
            if (jmsId != null) {
                key = "jms:" + jmsId;
            }
        }
        if (key == null) {
            String path = message.getHeader(Exchange.FILE_PATH, String.class);
            String absolute = message.getHeader("CamelFileAbsolutePath", String.class);
            if (absolute != null || path != null) {
                key = "file:" + (absolute != null ? absolute : path) + "@"
                      + message.getHeader(Exchange.FILE_LAST_MODIFIED, "", String.class) + "#"
                      + message.getHeader(Exchange.FILE_LENGTH, "", String.class);
            }
        }
        if (key == null || key.isBlank()) {
            key = "exchange:" + exchange.getExchangeId();
        }
        return key;
    }

    private CompletableFuture<Map<String, File>> downloadVariants(JobEngine.JobContext context, Video video,
                                                                  List<String> variants) {
        Map<String, File> files = new LinkedHashMap<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String variant : variants) {
            chain = chain.thenCompose(ignored -> steps.engine().downloadImage(context, video.id(), variant)
                    .thenAccept(saved -> files.put(variant, saved.file().toFile())));
        }
        return chain.thenApply(ignored -> files);
    }

    /** The files are safe: a failed delete is reported, never a reason to fail (and maybe re-run) the exchange. */
    private CompletableFuture<Void> deleteQuietly(Message message, Video video) {
        return steps.call("delete video", (provider, deadline) -> provider.delete(video.id(), deadline))
                .handle((deleted, error) -> {
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
