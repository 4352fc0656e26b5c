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

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.Deadline;
import io.github.camelsora.api.FetchPolicy;
import io.github.camelsora.api.InputReference;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoProvider;
import io.github.camelsora.api.VideoRequest;
import io.github.camelsora.api.VideoRequestValidator;
import io.github.camelsora.api.VideoStatus;
import io.github.camelsora.api.VideosClient;
import io.github.camelsora.job.JobEngine;
import io.github.camelsora.job.PolicyGateway;
import io.github.camelsora.media.ImageFitter;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The binding: exchange to request (validated, with its charge and references) and result to message. The only
 * place besides the handlers that reads or writes headers; the headers describing a job always come from one real
 * job object as the provider described it, whatever completed the wait.
 */
final class SoraBinding {

    private static final Logger LOG = LoggerFactory.getLogger(SoraBinding.class);

    private final SoraEndpoint endpoint;

    SoraBinding(SoraEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    SoraEndpoint endpoint() {
        return endpoint;
    }

    SoraConfiguration config() {
        return endpoint.getConfiguration();
    }

    /** The job engine: every call to the provider goes through it and the endpoint's policies. */
    JobEngine engine() {
        return endpoint.getComponent().engine();
    }

    /** Where and how this endpoint runs jobs. */
    JobEngine.JobContext context() {
        return endpoint.jobContext();
    }

    /** One call that is safe to repeat, through the endpoint's policies. */
    <T> CompletableFuture<T> call(String what, BiFunction<VideoProvider, Deadline, CompletableFuture<T>> call) {
        JobEngine.JobContext context = context();
        return engine().call(context, what, deadline -> call.apply(context.provider(), deadline));
    }

    /** One billable job create (create, remix, edit, extend, a storyboard shot): charged, never sent twice. */
    CompletableFuture<Video> submit(String what, PolicyGateway.Charge charge,
                                    BiFunction<VideoProvider, Deadline, CompletableFuture<ApiResponse<Video>>> create) {
        JobEngine.JobContext context = context();
        return engine().submit(context, what, charge, deadline -> create.apply(context.provider(), deadline));
    }

    /** A call that creates something but no job (a character): refusals repeated, an unknown outcome never. */
    <T> CompletableFuture<T> createOnce(String what, BiFunction<VideoProvider, Deadline, CompletableFuture<T>> call) {
        JobEngine.JobContext context = context();
        return context.gateway().create(what, Deadline.in(context.timeout()), PolicyGateway.Charge.NONE,
                context.scoped(deadline -> call.apply(context.provider(), deadline)), null);
    }

    /** Where continuations that touch files run: never an HTTP I/O thread. */
    Executor workers() {
        return endpoint.getComponent().continuations();
    }

    /**
     * Checks a request against the provider's table: known models strictly, unknown ones with a warning; with
     * validateRequests off only a missing prompt is refused.
     */
    void validate(VideoRequest request) {
        // an option the provider does not offer cannot be sent at all: refused whatever validateRequests says (the
        // /v1/videos dialects by their profile's request shape; the other protocols map or refuse them in create,
        // before anything is sent)
        if (VideosClient.PROTOCOL.equals(endpoint.profile().protocol())) {
            endpoint.profile().request().check(request, endpoint.profile().name());
        } else if (request.model() == null || request.model().isBlank() || request.model().startsWith("sora-")) {
            // OpenAI's models (the option's default) exist on no native job API: refused, never sent
            throw new SoraValidationException("model", "provider " + endpoint.profile().name() + " does not serve '"
                    + request.model() + "': set model to one of its models" + examples(endpoint.profile()));
        }
        if (!config().isValidateRequests()) {
            if (request.prompt() == null || request.prompt().isBlank()) {
                throw new SoraValidationException("prompt", "a prompt is required (the message body or header CamelSoraPrompt)");
            }
            return;
        }
        if (!new VideoRequestValidator(endpoint.profile().catalog()).validate(request)) {
            LOG.warn("Model '{}' is not in the {} catalog: size {} and seconds {} are sent unchecked", request.model(),
                    endpoint.profile().name(), request.size(), request.seconds());
        }
    }

    private static String examples(io.github.camelsora.api.ProviderProfile profile) {
        java.util.List<String> known = profile.catalog().modelNames();
        return known.isEmpty() ? " (see docs/providers.md)"
                : " (" + String.join(", ", known.stream().limit(4).toList()) + (known.size() > 4 ? ", ..." : "") + ")";
    }

    /**
     * Makes sure the output directory can be written before anything is billed: a directory we cannot create fails
     * the exchange now, not after a paid render.
     */
    void prepareOutputDirectory() {
        Path directory = endpoint.outputDirectory();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new SoraException("Cannot use output directory " + directory + ": " + e, null, e);
        }
    }

    /**
     * A reference image named by an https URL is normally passed on as a URL (the server fetches it). When it must be
     * fitted to the video's size (inputReferenceFit crop or pad), the component fetches it itself, through the safe
     * fetcher (https only, no internal addresses unless allowed, size cap, deadline), then probes and fits it like
     * an upload. Anything else is returned as it is.
     */
    CompletableFuture<InputReference> resolveReference(InputReference reference, String size) {
        if (!(reference instanceof InputReference.ImageUrl url) || !url.imageUrl().regionMatches(true, 0, "https://", 0, 8)
            || RequestReader.fit(config().getInputReferenceFit()) == ImageFitter.Fit.REJECT) {
            return CompletableFuture.completedFuture(reference);
        }
        FetchPolicy policy = FetchPolicy.defaults().withAllowInternalAddresses(config().isAllowInternalImageUrls());
        return endpoint.getComponent().fetcher(policy, endpoint.transportKey()).fetch(url.imageUrl())
                .thenApplyAsync(fetched -> RequestReader.upload(fetched.body(), "reference", config(), size), workers());
    }

    /**
     * The budget's charge for a billable call of {@code request}: its estimated cost from the price table (also set
     * as header CamelSoraEstimatedCost; removed when there is no price). The gateway reserves it before sending.
     */
    PolicyGateway.Charge charge(Message message, VideoRequest request) {
        BigDecimal cost = endpoint.prices().estimate(request.model(), request.size(), request.seconds());
        if (cost != null) {
            message.setHeader(SoraConstants.ESTIMATED_COST, cost);
        } else {
            message.removeHeader(SoraConstants.ESTIMATED_COST);
        }
        return new PolicyGateway.Charge(cost, "model " + request.model() + " at " + request.size() + ", "
                                              + request.seconds() + " s");
    }

    /** Records a new job's id and status on the message the moment the server answers. */
    static void submitted(Message message, Video video) {
        message.setHeader(SoraConstants.VIDEO_ID, video.id());
        message.setHeader(SoraConstants.STATUS, video.status());
        message.setHeader(SoraConstants.PROVIDER_STATUS, video.providerStatus());
    }

    /**
     * Puts a finished job on a consumer's message: headers from the job; the job as body, or with download and a
     * completed job, its MP4 file. Completes once the message is ready.
     */
    CompletableFuture<Void> deliver(Video video, Message message) {
        videoHeaders(message, video);
        if (!config().isDownload() || video.videoStatus() != VideoStatus.COMPLETED) {
            message.setBody(video);
            return CompletableFuture.completedFuture(null);
        }
        return engine().downloadVideo(context(), video.id(), video)
                .thenAccept(saved -> fileResult(message, saved.file(), "video/mp4"));
    }

    /** The video's description on the message headers. */
    static void videoHeaders(Message message, Video video) {
        message.setHeader(SoraConstants.VIDEO_ID, video.id());
        message.setHeader(SoraConstants.STATUS, video.status());
        message.setHeader(SoraConstants.PROVIDER_STATUS, video.providerStatus());
        if (video.reportedCost() != null) {
            message.setHeader(SoraConstants.REPORTED_COST, video.reportedCost());
        }
        if (video.model() != null) {
            message.setHeader(SoraConstants.MODEL, video.model());
        }
        if (video.seconds() != null) {
            message.setHeader(SoraConstants.SECONDS, video.seconds());
        }
        if (video.size() != null) {
            message.setHeader(SoraConstants.SIZE, video.size());
        }
        message.setHeader(SoraConstants.EXPIRES_AT, video.expiresAt());
        if (video.outputUri() != null) {
            message.setHeader(SoraConstants.OUTPUT_URI, video.outputUri());
        }
        if (video.remixedFromVideoId() != null) {
            message.setHeader(SoraConstants.REMIXED_FROM_VIDEO_ID, video.remixedFromVideoId());
        }
    }

    static void fileResult(Message message, Path file, String contentType) {
        message.setBody(file.toFile());
        message.setHeader(Exchange.FILE_NAME, file.getFileName().toString());
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
    }

    /** The video an operation works on: header CamelSoraVideoId, else a String body. */
    static String videoId(Message message, boolean bodyAllowed) {
        String id = message.getHeader(SoraConstants.VIDEO_ID, String.class);
        if ((id == null || id.isBlank()) && bodyAllowed && message.getBody() instanceof String body) {
            id = body.strip();
        }
        if (id == null || id.isBlank()) {
            throw new SoraValidationException("video_id", "the video id is required in header " + SoraConstants.VIDEO_ID
                                                          + (bodyAllowed ? " or the message body" : ""));
        }
        return id;
    }
}
