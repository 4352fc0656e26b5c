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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.github.camelsora.api.ApiError;
import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.FetchPolicy;
import io.github.camelsora.api.InputReference;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraJobFailedException;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoList;
import io.github.camelsora.api.VideoRequest;
import io.github.camelsora.api.VideoRequestValidator;
import io.github.camelsora.api.VideoStatus;
import io.github.camelsora.api.VideosClient;
import io.github.camelsora.job.JobRunner;
import io.github.camelsora.job.RetryPolicy;
import io.github.camelsora.job.StatusSource;
import io.github.camelsora.media.ImageFitter;
import io.github.camelsora.job.JobMonitor;
import io.github.camelsora.media.InvalidMediaException;
import io.github.camelsora.media.Mp4Info;
import io.github.camelsora.media.VideoFiles;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps operations share: validate, submit (recording the id at once), wait, download and check, and put the
 * result on the message. Handlers compose these instead of repeating them.
 */
final class JobSteps {

    private static final Logger LOG = LoggerFactory.getLogger(JobSteps.class);

    /** A verified MP4 in its place. */
    record SavedVideo(String videoId, Path file, Mp4Info info) {
    }

    private final SoraEndpoint endpoint;

    JobSteps(SoraEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    SoraEndpoint endpoint() {
        return endpoint;
    }

    SoraConfiguration config() {
        return endpoint.getConfiguration();
    }

    VideosClient client() {
        return endpoint.client();
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
        if (config().getSslContextParameters() != null) {
            policy = policy.withSslContext(endpoint.getComponent().sslContext(config().getSslContextParameters()));
        }
        return endpoint.getComponent().fetcher(policy).fetch(url.imageUrl())
                .thenApplyAsync(fetched -> RequestReader.upload(fetched.body(), "reference", config(), size), workers());
    }

    /**
     * Estimates the request's cost (header CamelSoraEstimatedCost) and reserves it in the component's daily budget,
     * before anything is sent; throws SoraBudgetExceededException when the budget would be exceeded.
     */
    CostControl.Reservation reserveCost(Message message, VideoRequest request) {
        CostControl.Reservation cost = CostControl.reserve(request, endpoint.prices(), endpoint.getComponent().budget());
        if (cost.estimatedCost() != null) {
            message.setHeader(SoraConstants.ESTIMATED_COST, cost.estimatedCost());
        } else {
            message.removeHeader(SoraConstants.ESTIMATED_COST);
        }
        return cost;
    }

    /** Logs and counts a create the server accepted (for the metrics and the dev console). */
    void recordSubmitted(Message message, ApiResponse<Video> created, String what) {
        Video video = created.value();
        if (!VideoFiles.isAcceptableId(video.id())) {
            return; // refused by the runner, which records why
        }
        BigDecimal cost = message.getHeader(SoraConstants.ESTIMATED_COST, BigDecimal.class);
        LOG.info("Submitted {} {} ({} {} {}s{}) [requestId={}]", what, video.id(), video.model(), video.size(),
                video.seconds(), cost == null ? "" : ", estimated $" + cost.toPlainString(), created.requestId());
        endpoint.getComponent().monitor().submitted(video.id(), video.model(), cost);
    }

    /** Records the new job's id and status on the message the moment the server answers. */
    CompletableFuture<Video> submitted(Message message, CompletableFuture<ApiResponse<Video>> submit, String what) {
        return submit.thenApply(created -> {
            Video video = created.value();
            if (!VideoFiles.isAcceptableId(video.id())) {
                // the id becomes a URL segment and (hashed if need be) a file name: a hostile one ends the exchange
                throw new SoraApiException("create " + what, 200, new ApiError("the server returned video id '"
                        + VideoFiles.printableId(video.id()) + "', which is not a plausible id", null, null,
                        "invalid_video_id"), created.requestId(), null);
            }
            message.setHeader(SoraConstants.VIDEO_ID, video.id());
            message.setHeader(SoraConstants.STATUS, video.status());
            recordSubmitted(message, created, what);
            return video;
        });
    }

    /**
     * The steps of a durable run (see JobRunner): one attempt each, with this endpoint's client, completion mode and
     * file naming; {@code create} is the operation's billable create.
     */
    JobRunner.Steps runnerSteps(Message message, Supplier<CompletableFuture<ApiResponse<Video>>> create,
                                Runnable onAdopted) {
        return new JobRunner.Steps() {
            @Override
            public void adopted(Video video) {
                onAdopted.run();
            }

            @Override
            public CompletableFuture<ApiResponse<Video>> create() {
                return create.get();
            }

            @Override
            public CompletableFuture<ApiResponse<VideoList>> list(String after, int limit) {
                return client().list(after, limit, "desc");
            }

            @Override
            public CompletableFuture<ApiResponse<Video>> retrieve(String videoId) {
                return client().retrieve(videoId);
            }

            @Override
            public CompletableFuture<Video> awaitTerminal(String videoId, StatusSource source, RetryPolicy retry) {
                JobMonitor.TrackedJob job = endpoint.getComponent().monitor().waiting(videoId, null, null, null,
                        message.getHeader(SoraConstants.ESTIMATED_COST, BigDecimal.class));
                return endpoint.getComponent().tracker().await(videoId, job.observe(source),
                        endpoint.completionPolicy(), Duration.ofMillis(config().getTimeout()), retry)
                        .whenComplete((video, error) -> {
                            if (error != null) {
                                job.failed(error);
                            } else {
                                job.finished(video);
                            }
                        });
            }

            @Override
            public CompletableFuture<JobRunner.Delivered> download(String videoId) {
                return downloadVideo(videoId).thenApply(saved -> new JobRunner.Delivered(saved.file(), saved.info()));
            }

            @Override
            public boolean acceptableId(String videoId) {
                return VideoFiles.isAcceptableId(videoId);
            }
        };
    }

    /** Waits without a thread until the job is terminal, whatever the outcome. */
    CompletableFuture<Video> awaitTerminal(String videoId) {
        return awaitTerminal(videoId, null);
    }

    /** The same, listing the job in the dev console (with its estimated cost, when known) while it is awaited. */
    CompletableFuture<Video> awaitTerminal(String videoId, BigDecimal estimatedCost) {
        VideosClient client = client();
        JobMonitor.TrackedJob job = endpoint.getComponent().monitor().waiting(videoId, null, null, null, estimatedCost);
        return endpoint.getComponent().tracker().await(videoId, job.observe(client::retrieve), endpoint.completionPolicy(),
                Duration.ofMillis(config().getTimeout()))
                .whenComplete((video, error) -> {
                    if (error != null) {
                        job.failed(error);
                    } else {
                        job.finished(video);
                    }
                });
    }

    /** Waits until the job is terminal; anything but completed fails with the job's error. */
    CompletableFuture<Video> awaitCompleted(Message message, String videoId) {
        return awaitTerminal(videoId, message.getHeader(SoraConstants.ESTIMATED_COST, BigDecimal.class))
                .thenApply(video -> {
            message.setHeader(SoraConstants.STATUS, video.status());
            if (video.videoStatus() != VideoStatus.COMPLETED) {
                throw new SoraJobFailedException(video.id(), video.status(),
                        video.error() == null ? null : video.error().code(),
                        video.error() == null ? null : video.error().message());
            }
            return video;
        });
    }

    /** Streams the MP4 to a temporary file, checks its boxes, moves it to {@code <dir>/<stem>.mp4}. */
    CompletableFuture<SavedVideo> downloadVideo(String videoId) {
        Path directory = endpoint.outputDirectory();
        Path target = VideoFiles.target(directory, endpoint.fileStem(videoId), "mp4");
        Path temporary;
        try {
            temporary = VideoFiles.temporaryFor(target);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    new SoraException("Cannot create a file in " + directory + ": " + e.getMessage(), videoId, e));
        }
        // the check reads the file's boxes: do it on a worker thread, not on the HTTP I/O thread
        return client().downloadContent(videoId, "video", temporary)
                .thenApplyAsync(download -> {
                    try {
                        SavedVideo saved = new SavedVideo(videoId, target, VideoFiles.commitMp4(download.file(), target));
                        endpoint.getComponent().monitor().downloaded(download.bytes());
                        return saved;
                    } catch (InvalidMediaException e) {
                        throw new SoraException("The content of video " + videoId + " is not a valid MP4 ("
                                                + e.getMessage() + "); nothing was written to " + target, videoId);
                    } catch (IOException e) {
                        throw new SoraException("Cannot save video " + videoId + " to " + target + ": "
                                                + e.getMessage(), videoId, e);
                    }
                }, workers());
    }

    /**
     * Downloads a still variant (thumbnail, spritesheet) and names it by what its bytes are, not by the declared
     * content type (a proxy may label everything video/mp4): {@code <dir>/<stem>-<variant>.<webp|jpg|png>}.
     */
    CompletableFuture<VideoFiles.SavedImage> downloadImage(String videoId, String variant) {
        Path directory = endpoint.outputDirectory();
        String stem = endpoint.fileStem(videoId) + "-" + variant;
        Path temporary;
        try {
            temporary = VideoFiles.temporaryFor(VideoFiles.target(directory, stem, "img"));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    new SoraException("Cannot create a file in " + directory + ": " + e.getMessage(), videoId, e));
        }
        return client().downloadContent(videoId, variant, temporary)
                .thenApplyAsync(download -> {
                    try {
                        VideoFiles.SavedImage saved = VideoFiles.commitImage(download.file(), directory, stem);
                        endpoint.getComponent().monitor().downloaded(download.bytes());
                        return saved;
                    } catch (InvalidMediaException e) {
                        throw new SoraException("The " + variant + " of video " + videoId + " is not a JPEG, PNG or"
                                                + " WebP image (" + e.getMessage() + "); nothing was written", videoId);
                    } catch (IOException e) {
                        throw new SoraException("Cannot save the " + variant + " of video " + videoId + ": "
                                                + e.getMessage(), videoId, e);
                    }
                }, workers());
    }

    /** The video's description on the message headers. */
    static void videoHeaders(Message message, Video video) {
        message.setHeader(SoraConstants.VIDEO_ID, video.id());
        message.setHeader(SoraConstants.STATUS, video.status());
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
