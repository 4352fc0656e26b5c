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
package io.github.camelsora.job;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.github.camelsora.api.ApiError;
import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.Deadline;
import io.github.camelsora.api.JobScope;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraAssetExpiredException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraJobFailedException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoProvider;
import io.github.camelsora.api.VideoRequest;
import io.github.camelsora.api.VideoStatus;
import io.github.camelsora.media.InvalidMediaException;
import io.github.camelsora.media.Mp4Info;
import io.github.camelsora.media.Mp4Inspector;
import io.github.camelsora.media.VideoFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job engine: every operation's path to a provider's jobs, through the {@link PolicyGateway} of its endpoint,
 * with one registry of jobs in flight ({@link JobTracker}).
 * <ul>
 * <li>{@link #run}: one idempotent job by key. The key is claimed in the {@link JobStore} before the create, the
 * video id recorded the moment the create succeeds, and a message that comes back (redelivery, restart, another
 * node) resumes instead of paying again: {@code SUBMITTING} (a create of unknown outcome) is reconciled against the
 * server's list before any create; {@code CREATED} is awaited and downloaded; {@code DELIVERED} answers the file
 * again; {@code FAILED} fails again with the job's error. Exchanges with the same key here share one run.</li>
 * <li>{@link #submit}: one billable create without a key (create, remix, edit, extend, storyboard shots).</li>
 * <li>{@link #await}, {@link #downloadVideo}, {@link #downloadImage}, {@link #call}: waits, downloads (with one
 * expiry rule for every operation) and the other calls.</li>
 * </ul>
 * Nothing here imports Camel; continuations that write files or stores run on {@code workers}, never on an HTTP
 * I/O thread or the timer.
 */
public final class JobEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);

    /**
     * Where and how one endpoint runs its jobs.
     *
     * @param provider        the provider seam
     * @param gateway         the policies every call passes through
     * @param store           the job store of keyed runs
     * @param timeout         how long a job may take from its start to its terminal status
     * @param pollPolicy      the poll schedule (the safety poll when events complete the wait)
     * @param acceptsEvents   whether a webhook event may trigger a re-read of a job this endpoint waits for
     * @param outputDirectory where downloads go
     * @param downloadTimeout how long one download (with its retries) may take
     * @param downloadResult  false: a keyed run ends at the completed job, whose result stays where the provider
     *                        wrote it ({@link Video#outputUri()}); nothing is downloaded
     */
    public record JobContext(VideoProvider provider, PolicyGateway gateway, JobStore store, Duration timeout,
                             PollPolicy pollPolicy, boolean acceptsEvents, Path outputDirectory,
                             Duration downloadTimeout, boolean downloadResult, JobScope scope) {

        public JobContext {
            scope = scope == null ? JobScope.NONE : scope;
        }

        public JobContext(VideoProvider provider, PolicyGateway gateway, JobStore store, Duration timeout,
                          PollPolicy pollPolicy, boolean acceptsEvents, Path outputDirectory,
                          Duration downloadTimeout, boolean downloadResult) {
            this(provider, gateway, store, timeout, pollPolicy, acceptsEvents, outputDirectory, downloadTimeout,
                    downloadResult, JobScope.NONE);
        }

        public JobContext(VideoProvider provider, PolicyGateway gateway, JobStore store, Duration timeout,
                          PollPolicy pollPolicy, boolean acceptsEvents, Path outputDirectory,
                          Duration downloadTimeout) {
            this(provider, gateway, store, timeout, pollPolicy, acceptsEvents, outputDirectory, downloadTimeout,
                    true);
        }

        /**
         * {@code attempt} run in this context's scope, whatever thread calls it (the timer for a poll or a retry):
         * the transport reads the scope when the request starts (trace context, MDC).
         */
        public <T> Function<Deadline, CompletableFuture<T>> scoped(Function<Deadline, CompletableFuture<T>> attempt) {
            return scope == JobScope.NONE ? attempt : deadline -> scope.call(() -> attempt.apply(deadline));
        }
    }

    /** A downloaded, checked MP4 in its place. */
    public record Delivered(Path file, Mp4Info info) {
    }

    /**
     * A delivered video. {@code resumed} is true when no create was sent by this run. {@code file} and {@code info}
     * are null when the result was left where the provider wrote it ({@link JobContext#downloadResult()} off).
     */
    public record Outcome(Video video, Path file, Mp4Info info, boolean resumed) {
    }

    private final ScheduledExecutorService timer;
    private final Executor workers;
    private final JobMonitor monitor;
    private final JobTracker tracker;
    private final String owner;
    private final Clock clock;
    private final Map<String, CompletableFuture<Outcome>> running = new ConcurrentHashMap<>();

    public JobEngine(ScheduledExecutorService timer, Executor workers, JobMonitor monitor, String owner, Clock clock) {
        this.timer = timer;
        this.workers = workers;
        this.monitor = monitor;
        this.tracker = new JobTracker(timer);
        this.owner = owner;
        this.clock = clock;
    }

    public JobTracker tracker() {
        return tracker;
    }

    public JobMonitor monitor() {
        return monitor;
    }

    public ScheduledExecutorService timer() {
        return timer;
    }

    // ---- calls that are safe to repeat ----

    /** One call that is safe to repeat (list, delete, characters...), within the endpoint's request policies. */
    public <T> CompletableFuture<T> call(JobContext ctx, String what, Function<Deadline, CompletableFuture<T>> call) {
        return ctx.gateway().call(what, PolicyGateway.Kind.READ, Deadline.NONE, ctx.scoped(call));
    }

    /** The job as the server sees it now. */
    public CompletableFuture<Video> retrieve(JobContext ctx, String videoId) {
        return call(ctx, "retrieve video", d -> ctx.provider().retrieve(videoId, d)).thenApply(ApiResponse::value);
    }

    // ---- billable creates ----

    /**
     * One billable create without a key: budget, limits, refusals repeated, an unknown outcome never repeated (and
     * reported as such). The id is checked and the job counted as submitted.
     */
    public CompletableFuture<Video> submit(JobContext ctx, String what, PolicyGateway.Charge charge,
                                           Function<Deadline, CompletableFuture<ApiResponse<Video>>> create) {
        return ctx.gateway().create(what, Deadline.in(ctx.timeout()), charge, ctx.scoped(create), null)
                .thenApply(created -> ctx.scope().call(() -> submitted(ctx, created, what, charge.estimatedCost())));
    }

    /** Checks a new job's id and counts and logs it; throws for an id that is not safe to use. */
    private Video submitted(JobContext ctx, ApiResponse<Video> created, String what, BigDecimal cost) {
        Video video = created.value();
        if (!VideoFiles.isAcceptableId(video.id())) {
            // the id becomes a URL segment and (hashed if need be) a file name: a hostile one ends the exchange
            throw (SoraException) new SoraApiException(what, 200, new ApiError("the server returned video id '"
                    + VideoFiles.printableId(video.id()) + "', which is not a plausible id", null, null,
                    "invalid_video_id"), created.requestId(), null)
                    .withJobExistence(SoraException.JobExistence.UNKNOWN);
        }
        ctx.scope().videoId(video.id()).run(() -> LOG.info("Submitted {} {} ({} {} {}s{}){}", what, video.id(),
                video.model(), video.size(), video.seconds(), cost == null ? "" : ", estimated $" + cost.toPlainString(),
                created.requestId() == null ? "" : " [requestId=" + created.requestId() + "]"));
        monitor.submitted(ctx.scope(), video.id(), video.model(), cost);
        return video;
    }

    // ---- waits ----

    /** Waits without a thread until the job is terminal, whatever the outcome; the job is listed while awaited. */
    public CompletableFuture<Video> await(JobContext ctx, String videoId, VideoRequest request, BigDecimal cost) {
        JobMonitor.TrackedJob job = monitor.waiting(ctx.scope().videoId(videoId), videoId,
                request == null ? null : request.model(), request == null ? null : request.size(),
                request == null ? null : request.seconds(), cost);
        JobTracker.StatusSource source = (id, deadline) -> ctx.gateway().call("retrieve video",
                PolicyGateway.Kind.STATUS, deadline, ctx.scoped(d -> {
                    monitor.statusRequested(ctx.scope());
                    return ctx.provider().retrieve(id, d);
                }));
        return tracker.await(videoId, new JobTracker.WaitSpec(source, ctx.pollPolicy(), Deadline.in(ctx.timeout()),
                ctx.acceptsEvents(), job));
    }

    /** Waits until the job is terminal; anything but completed fails with the job's typed error. */
    public CompletableFuture<Video> awaitCompleted(JobContext ctx, String videoId, BigDecimal cost) {
        return await(ctx, videoId, null, cost).thenApply(video -> {
            if (video.videoStatus() != VideoStatus.COMPLETED) {
                throw failureOf(video);
            }
            return video;
        });
    }

    /** The typed failure of a job that ended without a video. */
    static SoraException failureOf(Video video) {
        if ("expired".equals(video.status())) {
            return new SoraAssetExpiredException(video.id(), video.expiresAt());
        }
        return new SoraJobFailedException(video.id(), video.status(),
                video.error() == null ? null : video.error().code(),
                video.error() == null ? null : video.error().message());
    }

    // ---- downloads: one path, one expiry rule ----

    /**
     * Streams the MP4 to a temporary file, checks its boxes, moves it to {@code <dir>/<stem>.mp4}. Repeated by the
     * retry policy within {@code downloadTimeout}. A job whose assets expired ({@code expires_at} passed, status
     * {@code expired}, or a 404/410 that a fresh read of the job explains) fails with
     * {@link SoraAssetExpiredException}, for every operation alike.
     *
     * @param known the job as last read, when the caller has it (its {@code expires_at} is checked before sending)
     */
    public CompletableFuture<Delivered> downloadVideo(JobContext ctx, String videoId, Video known) {
        if (known != null && known.expiresAt() != null && known.expiresAt() < clock.instant().getEpochSecond()) {
            return CompletableFuture.failedFuture(new SoraAssetExpiredException(videoId, known.expiresAt()));
        }
        Path directory = ctx.outputDirectory();
        Path target = VideoFiles.target(directory, VideoFiles.safeStem(videoId), "mp4");
        return download(ctx, videoId, known, "video", target).thenApplyAsync(download -> {
            try {
                Delivered delivered = new Delivered(target, VideoFiles.commitMp4(download.file(), target));
                monitor.downloaded(ctx.scope(), download.bytes());
                tracker.delivered(videoId);
                return delivered;
            } catch (InvalidMediaException e) {
                throw new SoraException("The content of video " + videoId + " is not a valid MP4 ("
                                        + e.getMessage() + "); nothing was written to " + target, videoId);
            } catch (IOException e) {
                throw new SoraException("Cannot save video " + videoId + " to " + target + ": " + e.getMessage(),
                        videoId, e);
            }
        }, workers);
    }

    /**
     * Downloads a still variant (thumbnail, spritesheet) and names it by what its bytes are, not by the declared
     * content type (a proxy may label everything video/mp4): {@code <dir>/<stem>-<variant>.<webp|jpg|png>}.
     */
    public CompletableFuture<VideoFiles.SavedImage> downloadImage(JobContext ctx, String videoId, String variant) {
        Path directory = ctx.outputDirectory();
        String stem = VideoFiles.safeStem(videoId) + "-" + variant;
        return download(ctx, videoId, null, variant, VideoFiles.target(directory, stem, "img"))
                .thenApplyAsync(download -> {
            try {
                VideoFiles.SavedImage saved = VideoFiles.commitImage(download.file(), directory, stem);
                monitor.downloaded(ctx.scope(), download.bytes());
                return saved;
            } catch (InvalidMediaException e) {
                throw new SoraException("The " + variant + " of video " + videoId + " is not a JPEG, PNG or WebP image"
                                        + " (" + e.getMessage() + "); nothing was written", videoId);
            } catch (IOException e) {
                throw new SoraException("Cannot save the " + variant + " of video " + videoId + ": "
                                        + e.getMessage(), videoId, e);
            }
        }, workers);
    }

    /**
     * One download through the gateway; {@code known} (the job as last read) lets the provider use a result URL the
     * job names without reading it again.
     */
    private CompletableFuture<io.github.camelsora.api.Download> download(JobContext ctx, String videoId, Video known,
                                                                         String variant, Path target) {
        Path temporary;
        try {
            temporary = VideoFiles.temporaryFor(target);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new SoraException("Cannot create a file in " + target.getParent()
                                                                    + ": " + e.getMessage(), videoId, e));
        }
        Deadline deadline = Deadline.in(ctx.downloadTimeout());
        return ctx.gateway().call("download " + variant, PolicyGateway.Kind.DOWNLOAD, deadline,
                        ctx.scoped(d -> known != null && videoId.equals(known.id())
                                ? ctx.provider().download(known, variant, temporary, d)
                                : ctx.provider().download(videoId, variant, temporary, d)))
                .handle((download, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(download);
                    }
                    Throwable failure = PolicyGateway.unwrap(error);
                    if (failure instanceof SoraApiException api && (api.getStatusCode() == 404
                                                                    || api.getStatusCode() == 410)) {
                        return expiredOr(ctx, videoId, api).<io.github.camelsora.api.Download>thenApply(x -> null);
                    }
                    return CompletableFuture.<io.github.camelsora.api.Download>failedFuture(failure);
                }).thenCompose(next -> next);
    }

    /** A 404/410 on a download: the asset expired when the code says so or a fresh read of the job explains it. */
    private CompletableFuture<Void> expiredOr(JobContext ctx, String videoId, SoraApiException failure) {
        if ("video_expired".equals(failure.getErrorCode())) {
            return CompletableFuture.failedFuture(new SoraAssetExpiredException(videoId, null));
        }
        return ctx.scope().call(() -> ctx.provider().retrieve(videoId, Deadline.NONE)).handle((latest, error) -> {
            Video now = latest == null ? null : latest.value();
            if (now != null && ("expired".equals(now.status())
                                || (now.expiresAt() != null && now.expiresAt() <= clock.instant().getEpochSecond()))) {
                throw new SoraAssetExpiredException(videoId, now.expiresAt());
            }
            throw failure;
        });
    }

    // ---- keyed runs ----

    /**
     * Runs one idempotent job: see the class description.
     *
     * @param create    the billable call (one attempt); the gateway adds the budget, limits and retries
     * @param onVideoId told the video id (and status) as soon as it is known, before the wait
     */
    public CompletableFuture<Outcome> run(String key, VideoRequest request, JobContext ctx, PolicyGateway.Charge charge,
                                          Function<Deadline, CompletableFuture<ApiResponse<Video>>> create,
                                          BiConsumer<String, String> onVideoId) {
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> other = running.putIfAbsent(key, mine);
        if (other != null) {
            LOG.info("Key {} is already running here; this exchange shares its result", key);
            return other.whenComplete((outcome, error) -> {
                if (outcome != null) {
                    onVideoId.accept(outcome.video().id(), outcome.video().status());
                }
            });
        }
        CompletableFuture<Outcome> work;
        try {
            work = new Run(key, request, ctx, charge, create, onVideoId).start();
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        work.whenComplete((outcome, error) -> {
            running.remove(key, mine);
            if (error != null) {
                mine.completeExceptionally(PolicyGateway.unwrap(error));
            } else {
                mine.complete(outcome);
            }
        });
        return mine;
    }

    /** A stable hash of what is rendered; a key reused with another request is refused. */
    static String fingerprint(VideoRequest request) {
        // the options are added only when set, so that keys recorded before they existed still match
        String options = request.options().fingerprint()
                         + (request.storageUri() == null ? "" : "\u0000storageUri=" + request.storageUri());
        return FileJobStore.sha256(String.join("\u0000", String.valueOf(request.prompt()),
                String.valueOf(request.model()), String.valueOf(request.size()), String.valueOf(request.seconds()))
                + (options.isEmpty() ? "" : "\u0000" + options));
    }

    private final class Run {
        final String key;
        final VideoRequest request;
        final JobContext ctx;
        final JobStore store;
        final PolicyGateway.Charge charge;
        final Function<Deadline, CompletableFuture<ApiResponse<Video>>> create;
        final BiConsumer<String, String> onVideoId;
        final Deadline deadline;
        JobRecord record;
        boolean resumed = true;

        Run(String key, VideoRequest request, JobContext ctx, PolicyGateway.Charge charge,
            Function<Deadline, CompletableFuture<ApiResponse<Video>>> create, BiConsumer<String, String> onVideoId) {
            this.key = key;
            this.request = request;
            this.ctx = ctx;
            this.store = ctx.store();
            this.charge = charge;
            this.create = create;
            this.onVideoId = onVideoId;
            this.deadline = Deadline.in(ctx.timeout());
        }

        CompletableFuture<Outcome> start() {
            String fingerprint = fingerprint(request);
            String server = ctx.provider().server();
            JobRecord fresh = JobRecord.claim(key, fingerprint, owner, clock.instant(), server);
            Optional<JobRecord> existing = store.claim(fresh);
            if (existing.isEmpty()) {
                record = fresh;
                resumed = false;
                return withSlot(this::create);
            }
            record = existing.get();
            if (record.fingerprint() != null && !record.fingerprint().equals(fingerprint)) {
                throw new SoraException("Idempotency key '" + key + "' was already used for a different request"
                                        + (record.videoId() != null ? " (video " + record.videoId() + ")" : "")
                                        + "; use a new key for a new request", record.videoId());
            }
            if (record.server() != null && !record.server().equals(server)) {
                throw new SoraException("Idempotency key '" + key + "' belongs to a job on " + record.server()
                                        + (record.videoId() != null ? " (video " + record.videoId() + ")" : "")
                                        + ", not on " + server + "; it is not created again elsewhere",
                        record.videoId()).withJobExistence(record.videoId() != null
                                ? SoraException.JobExistence.CREATED : SoraException.JobExistence.UNKNOWN);
            }
            LOG.info("Key {} is known ({}{}); resuming instead of creating", key, record.state(),
                    record.videoId() != null ? ", video " + record.videoId() : "");
            switch (record.state()) {
                case DELIVERED -> {
                    Optional<Outcome> delivered = alreadyDelivered();
                    if (delivered.isPresent()) {
                        onVideoId.accept(record.videoId(), "completed");
                        return CompletableFuture.completedFuture(delivered.get());
                    }
                    return withSlot(() -> awaitAndDownload(record.videoId()));
                }
                case FAILED -> throw failureOf(record);
                case CREATED -> {
                    return withSlot(() -> awaitAndDownload(record.videoId()));
                }
                default -> {
                    // a create of unknown outcome: ask the server before anything else
                    return withSlot(() -> reconcile(null).thenCompose(found -> found.isPresent()
                            ? recordCreated(found.get().value(), null, true) : create()));
                }
            }
        }

        private CompletableFuture<Outcome> withSlot(java.util.function.Supplier<CompletableFuture<Outcome>> work) {
            return ctx.gateway().limiter().acquireJob().thenCompose(permit -> {
                CompletableFuture<Outcome> result;
                try {
                    result = ctx.scope().call(work);
                } catch (RuntimeException e) {
                    result = CompletableFuture.failedFuture(e);
                }
                return result.whenComplete((outcome, error) -> permit.release());
            });
        }

        private Optional<Outcome> alreadyDelivered() {
            if (record.file() == null || !Files.isRegularFile(Path.of(record.file()))) {
                return Optional.empty();
            }
            Path file = Path.of(record.file());
            try {
                Mp4Info info = Mp4Inspector.inspect(file);
                Video video = new Video(record.videoId(), "video", request.model(), "completed", 100, null, null, null,
                        request.prompt(), request.size(), request.seconds(), null, null);
                return Optional.of(new Outcome(video, file, info, true));
            } catch (IOException | InvalidMediaException e) {
                return Optional.empty();
            }
        }

        CompletableFuture<Outcome> create() {
            // what follows writes the job store, which may block (JDBC, fsync): on a worker
            return ctx.gateway().create("create video", deadline, charge, ctx.scoped(create), this::reconcile)
                    .handleAsync((created, error) -> {
                        if (error == null) {
                            return recordCreated(created.value(), created.requestId(), adopted.get());
                        }
                        Throwable failure = PolicyGateway.unwrap(error);
                        if (failure instanceof SoraException sora && !sora.mayHaveCreatedJob()) {
                            forgetClaim(); // the server answered, so nothing was created: the key is free again
                        } else {
                            // keep the claim as SUBMITTING: whoever sees this key next reconciles before creating
                            LOG.warn("Create for key {} has an unknown outcome ({}); the key stays reserved and is"
                                     + " reconciled against the server on redelivery, before any new create", key,
                                    failure.getMessage());
                        }
                        return CompletableFuture.<Outcome>failedFuture(failure);
                    }, workers).thenCompose(next -> next);
        }

        /** Set when reconciliation found the job: no create of ours made it, so it is not counted as submitted. */
        final java.util.concurrent.atomic.AtomicBoolean adopted = new java.util.concurrent.atomic.AtomicBoolean();

        /** The job the server made for this key's request since it was claimed, if any (list pages, newest first). */
        private CompletableFuture<Optional<ApiResponse<Video>>> reconcile(Throwable cause) {
            if (ctx.provider().profile().supports("idempotentCreate")) {
                // the provider de-duplicates creates by the key's token: repeating it returns the same job
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (!ctx.provider().profile().supports("list")) {
                return CompletableFuture.failedFuture(new SoraException("provider "
                        + ctx.provider().profile().name() + " cannot list its jobs", null));
            }
            Instant notBefore = record.claimedAt();
            return Reconciler.find((after, limit) -> ctx.gateway().call("list videos", PolicyGateway.Kind.READ,
                            deadline, ctx.scoped(d -> ctx.provider().list(after, limit, "desc", d))),
                            request, notBefore, store::holdsVideo)
                    .thenApply(found -> found.map(video -> {
                        LOG.warn("Key {}: the server has job {} for this request; adopting it instead of creating",
                                key, video.id());
                        adopted.set(true);
                        return new ApiResponse<>(video, null, null);
                    }));
        }

        private CompletableFuture<Outcome> recordCreated(Video video, String requestId, boolean adopted) {
            if (!VideoFiles.isAcceptableId(video.id())) {
                // the id becomes a file name and a URL segment: a hostile one ends the job here, for good
                recordFailure("invalid", "invalid_video_id", "the server returned an unsafe video id");
                return CompletableFuture.failedFuture(new SoraApiException("create video", 200, new ApiError(
                        "the server returned video id '" + VideoFiles.printableId(video.id())
                        + "', which is not a plausible id", null, null, "invalid_video_id"), requestId, null)
                        .withJobExistence(SoraException.JobExistence.UNKNOWN));
            }
            if (!adopted) {
                submitted(ctx, new ApiResponse<>(video, requestId, null), "video", charge.estimatedCost());
            }
            // recorded on a worker (the store may block), before anything else happens to the exchange
            return CompletableFuture.supplyAsync(() -> {
                try {
                    record = record.created(video.id(), video.status(), owner, clock.instant());
                    store.update(record);
                } catch (RuntimeException e) {
                    LOG.error("Video {} was created for key {} but could not be recorded: {}", video.id(), key,
                            e.getMessage());
                    throw new SoraException("Video " + video.id() + " was created but the job store failed ("
                                            + e.getMessage() + "); the video is paid for, fetch it by its id",
                            video.id(), e);
                }
                LOG.info("Created video {} for key {} ({} {} {}s){}", video.id(), key, request.model(),
                        request.size(), request.seconds(), requestId != null ? " [requestId=" + requestId + "]" : "");
                onVideoId.accept(video.id(), video.status());
                return video.id();
            }, workers).thenCompose(this::awaitAndDownload);
        }

        private void forgetClaim() {
            try {
                store.remove(key);
            } catch (RuntimeException e) {
                LOG.warn("Could not release key {}: {}", key, e.getMessage());
            }
        }

        CompletableFuture<Outcome> awaitAndDownload(String videoId) {
            onVideoId.accept(videoId, record.status());
            return await(ctx, videoId, request, charge.estimatedCost())
                    .thenComposeAsync(video -> { // on a worker: a failure is written to the store
                        onVideoId.accept(video.id(), video.status());
                        if (video.videoStatus() == VideoStatus.COMPLETED) {
                            return ctx.downloadResult() ? download(video) : leftInPlace(video);
                        }
                        SoraException failure = failureOf(video);
                        recordFailure(video.status(), video.error() == null ? null : video.error().code(),
                                video.error() == null ? failure.getMessage() : video.error().message());
                        return CompletableFuture.failedFuture(failure);
                    }, workers);
        }

        /** The result stays in the provider's storage: the run ends with its location, nothing is downloaded. */
        private CompletableFuture<Outcome> leftInPlace(Video video) {
            if (video.outputUri() == null) {
                recordFailure("completed", "no_output_uri", "the provider named no storage location");
                return CompletableFuture.failedFuture(new SoraException("Video " + video.id() + " is completed but"
                        + " the provider named no storage location for it; download its result instead", video.id()));
            }
            try {
                record = record.delivered(null, clock.instant());
                store.update(record);
            } catch (RuntimeException e) {
                LOG.warn("Video {} completed at {} but the job store could not record it: {}", video.id(),
                        video.outputUri(), e.getMessage());
            }
            LOG.info("Video {} completed at {} (not downloaded)", video.id(), video.outputUri());
            return CompletableFuture.completedFuture(new Outcome(video, null, null, resumed));
        }

        private CompletableFuture<Outcome> download(Video video) {
            return downloadVideo(ctx, video.id(), video).handleAsync((delivered, error) -> {
                if (error != null) {
                    Throwable failure = PolicyGateway.unwrap(error);
                    if (failure instanceof SoraAssetExpiredException) {
                        recordFailure("expired", "video_expired", "assets expired before download");
                    }
                    throw failure instanceof RuntimeException r ? r
                            : new SoraException(failure.getMessage(), video.id(), failure);
                }
                try {
                    record = record.delivered(delivered.file().toString(), clock.instant());
                    store.update(record);
                } catch (RuntimeException e) {
                    // the file is in place; a redelivery would find the job CREATED and download it again, at no cost
                    LOG.warn("Video {} delivered to {} but the job store could not record it: {}", video.id(),
                            delivered.file(), e.getMessage());
                }
                return new Outcome(video, delivered.file(), delivered.info(), resumed);
            }, workers);
        }

        private void recordFailure(String status, String code, String message) {
            try {
                record = record.failed(status, code, message, clock.instant());
                store.update(record);
            } catch (RuntimeException e) {
                LOG.warn("Could not record the failure of key {}: {}", key, e.getMessage());
            }
        }
    }

    private static SoraException failureOf(JobRecord record) {
        if ("expired".equals(record.status())) {
            return new SoraAssetExpiredException(record.videoId(), null);
        }
        return new SoraJobFailedException(record.videoId(), record.status(), record.errorCode(), record.errorMessage());
    }

    /** Stops every wait; jobs on the servers are not touched. */
    @Override
    public void close() {
        tracker.close();
    }
}
