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
import java.net.ConnectException;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.github.camelsora.api.ApiError;
import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraAssetExpiredException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraJobFailedException;
import io.github.camelsora.api.SoraQuotaException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoList;
import io.github.camelsora.api.VideoRequest;
import io.github.camelsora.api.VideoStatus;
import io.github.camelsora.media.InvalidMediaException;
import io.github.camelsora.media.Mp4Info;
import io.github.camelsora.media.Mp4Inspector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one idempotent generate: the key is claimed in the {@link JobStore} before the create, the video id is
 * recorded the moment the create succeeds, and a message that comes back (redelivery, restart, another node) picks
 * up where the last attempt stopped instead of paying again:
 * <ul>
 * <li>no record: claim, take a job slot, create (repeating only what provably did not reach the server, and
 * reconciling an unknown outcome against the server's list before any new create), then wait and download;</li>
 * <li>{@code SUBMITTING} (a create of unknown outcome): reconcile first, create only if the server has no such job;</li>
 * <li>{@code CREATED}: wait for the existing job and download it;</li>
 * <li>{@code DELIVERED}: answer the file already delivered (downloaded again if it is gone);</li>
 * <li>{@code FAILED}: fail again with the job's recorded error, without a new create.</li>
 * </ul>
 * Exchanges with the same key running at the same time in this JVM share one run.
 */
public final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    /** Per-endpoint settings of a run: the job's deadline and how to repeat failed requests. */
    public record Settings(Duration timeout, RetryPolicy retry) {
    }

    /** A downloaded, checked MP4 in its place. */
    public record Delivered(Path file, Mp4Info info) {
    }

    /**
     * The protocol steps a run is made of, supplied by the operation (which knows the request's reference image,
     * characters, provider, completion mode and file naming). Each is one attempt: the runner adds the store,
     * the limits, the retries and the reconciliation.
     */
    public interface Steps {

        /** The billable {@code POST /videos}. */
        CompletableFuture<ApiResponse<Video>> create();

        /** One page of {@code GET /videos}, newest first. */
        CompletableFuture<ApiResponse<VideoList>> list(String after, int limit);

        CompletableFuture<ApiResponse<Video>> retrieve(String videoId);

        /** Waits until the job is terminal, reading its status from {@code source} (or a webhook). */
        CompletableFuture<Video> awaitTerminal(String videoId, StatusSource source, RetryPolicy retry);

        /** Downloads the MP4 once, checks it and moves it into place. */
        CompletableFuture<Delivered> download(String videoId);

        /** Whether the server's id can be used (as a URL segment and file name). */
        boolean acceptableId(String videoId);

        /** Told when a create of unknown outcome turned out to have created this job (found by reconciliation). */
        default void adopted(Video video) {
        }
    }

    /** A delivered video. {@code resumed} is true when no create was sent by this run. */
    public record Outcome(Video video, Path file, Mp4Info info, boolean resumed) {
    }

    private final JobStore store;
    private final Retrier retrier;
    private final ScheduledExecutorService timer;
    private final Executor workers;
    private final String owner;
    private final Clock clock;
    private final Map<String, CompletableFuture<Outcome>> running = new ConcurrentHashMap<>();

    public JobRunner(JobStore store, ScheduledExecutorService timer, Executor workers, String owner) {
        this(store, timer, workers, owner, Clock.systemUTC());
    }

    JobRunner(JobStore store, ScheduledExecutorService timer, Executor workers, String owner, Clock clock) {
        this.store = store;
        this.retrier = new Retrier(timer);
        this.timer = timer;
        this.workers = workers;
        this.owner = owner;
        this.clock = clock;
    }

    /**
     * @param onVideoId told the video id (and status) as soon as it is known, before the wait
     */
    public CompletableFuture<Outcome> run(String key, VideoRequest request, Steps client, Limiter limiter,
                                          Settings settings, BiConsumer<String, String> onVideoId) {
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
        Run run = new Run(key, request, client, limiter, settings, onVideoId);
        CompletableFuture<Outcome> work;
        try {
            work = run.start();
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        work.whenComplete((outcome, error) -> {
            running.remove(key, mine);
            if (error != null) {
                mine.completeExceptionally(Retrier.unwrap(error));
            } else {
                mine.complete(outcome);
            }
        });
        return mine;
    }

    /** A stable hash of what is rendered; a key reused with another request is refused. */
    static String fingerprint(VideoRequest request) {
        return FileJobStore.sha256(String.join("\u0000", String.valueOf(request.prompt()),
                String.valueOf(request.model()), String.valueOf(request.size()), String.valueOf(request.seconds())));
    }

    private final class Run {
        final String key;
        final VideoRequest request;
        final Steps client;
        final Limiter limiter;
        final Settings settings;
        final BiConsumer<String, String> onVideoId;
        final long deadlineNanos;
        JobRecord record;
        boolean resumed = true;

        Run(String key, VideoRequest request, Steps client, Limiter limiter, Settings settings,
            BiConsumer<String, String> onVideoId) {
            this.key = key;
            this.request = request;
            this.client = client;
            this.limiter = limiter;
            this.settings = settings;
            this.onVideoId = onVideoId;
            this.deadlineNanos = System.nanoTime() + settings.timeout().toNanos();
        }

        CompletableFuture<Outcome> start() {
            String fingerprint = fingerprint(request);
            JobRecord fresh = JobRecord.claim(key, fingerprint, owner, clock.instant());
            Optional<JobRecord> existing = store.claim(fresh);
            if (existing.isEmpty()) {
                record = fresh;
                resumed = false;
                return withSlot(() -> create(0, 0));
            }
            record = existing.get();
            if (record.fingerprint() != null && !record.fingerprint().equals(fingerprint)) {
                throw new SoraException("Idempotency key '" + key + "' was already used for a different request"
                                        + (record.videoId() != null ? " (video " + record.videoId() + ")" : "")
                                        + "; use a new key for a new request", record.videoId());
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
                    return withSlot(() -> reconcile().thenCompose(found -> found.isPresent()
                            ? adopt(found.get()) : create(0, 0)));
                }
            }
        }

        private CompletableFuture<Outcome> withSlot(java.util.function.Supplier<CompletableFuture<Outcome>> work) {
            return limiter.acquireJob().thenCompose(permit -> {
                CompletableFuture<Outcome> result;
                try {
                    result = work.get();
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

        // ---- create ----

        CompletableFuture<Outcome> create(int retries, int hintlessRateLimits) {
            // on a worker: what follows writes the job store, which may block (JDBC, fsync)
            return limiter.request().thenCompose(ready -> client.create()).handleAsync((created, error) -> {
                if (error == null) {
                    return recordCreated(created.value(), created.requestId());
                }
                Throwable failure = Retrier.unwrap(error);
                return afterFailedCreate(failure, retries, hintlessRateLimits);
            }, workers).thenCompose(next -> next);
        }

        private CompletableFuture<Outcome> afterFailedCreate(Throwable failure, int retries, int hintlessRateLimits) {
            if (RetryPolicy.isQuota(failure)) {
                forgetClaim();
                return CompletableFuture.failedFuture(new SoraQuotaException("create video",
                        (SoraApiException) failure, 1));
            }
            int rateLimits = RetryPolicy.isHintlessRateLimit(failure) ? hintlessRateLimits + 1 : 0;
            if (rateLimits >= settings.retry().quotaAfter()) {
                forgetClaim();
                return CompletableFuture.failedFuture(new SoraQuotaException("create video",
                        (SoraApiException) failure, rateLimits));
            }
            boolean unknown = outcomeUnknown(failure);
            boolean retryable = RetryPolicy.isRetryable(failure);
            Duration delay = settings.retry().delay(retries + 1, failure);
            boolean mayRetry = retryable && retries < settings.retry().maxRetries()
                               && System.nanoTime() + delay.toNanos() < deadlineNanos;
            if (!unknown) {
                if (!mayRetry) {
                    forgetClaim(); // the server answered, so nothing was created: the key is free again
                    return CompletableFuture.failedFuture(failure);
                }
                LOG.warn("Create for key {} was refused ({}); retry {} in {} ms", key, failure.getMessage(),
                        retries + 1, delay.toMillis());
                return later(delay, () -> create(retries + 1, rateLimits));
            }
            if (!mayRetry) {
                // keep the claim as SUBMITTING: whoever sees this key next reconciles before creating
                LOG.warn("Create for key {} has an unknown outcome ({}); the key stays reserved and is reconciled"
                         + " against the server on redelivery, before any new create", key, failure.getMessage());
                return CompletableFuture.failedFuture(failure);
            }
            LOG.warn("Create for key {} has an unknown outcome ({}); asking the server in {} ms, before any new"
                     + " create", key, failure.getMessage(), delay.toMillis());
            // ask after the backoff, not at once: a slow server may still be creating the job we gave up on
            return later(delay, () -> reconcile().handle((found, listError) -> {
                if (listError != null) {
                    // without the server's list there is no proof that nothing was created: do not create again
                    LOG.warn("Key {}: the server's job list is not available ({}); not creating again, the key"
                             + " stays reserved", key, Retrier.unwrap(listError).getMessage());
                    return CompletableFuture.<Outcome>failedFuture(failure);
                }
                return found.isPresent() ? adopt(found.get()) : create(retries + 1, rateLimits);
            }).thenCompose(next -> next));
        }

        private CompletableFuture<Optional<Video>> reconcile() {
            Instant notBefore = record.claimedAt();
            return Reconciler.find((after, limit) -> retrier.call("list videos", settings.retry(), deadlineNanos,
                            () -> limiter.request().thenCompose(ready -> client.list(after, limit))),
                    request, notBefore, store::holdsVideo);
        }

        private CompletableFuture<Outcome> adopt(Video video) {
            LOG.warn("Key {}: the server has job {} for this request; adopting it instead of creating", key,
                    video.id());
            client.adopted(video);
            return recordCreated(video, null);
        }

        private CompletableFuture<Outcome> recordCreated(Video video, String requestId) {
            if (!client.acceptableId(video.id())) {
                // the id becomes a file name and a URL segment: a hostile one ends the job here, for good
                recordFailure("invalid", "invalid_video_id", "the server returned an unsafe video id");
                return CompletableFuture.failedFuture(new SoraApiException("create video", 200, new ApiError(
                        "the server returned video id '" + io.github.camelsora.media.VideoFiles.printableId(video.id())
                        + "', which is not a plausible id", null, null, "invalid_video_id"), requestId, null));
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

        // ---- wait and download ----

        CompletableFuture<Outcome> awaitAndDownload(String videoId) {
            onVideoId.accept(videoId, record.status());
            StatusSource source = id -> limiter.request().thenCompose(ready -> client.retrieve(id));
            return client.awaitTerminal(videoId, source, settings.retry())
                    .thenComposeAsync(video -> { // on a worker: a failure is written to the store
                        onVideoId.accept(video.id(), video.status());
                        VideoStatus status = video.videoStatus();
                        if (status == VideoStatus.COMPLETED) {
                            return download(video);
                        }
                        SoraException failure = "expired".equals(video.status())
                                ? new SoraAssetExpiredException(video.id(), video.expiresAt())
                                : new SoraJobFailedException(video.id(), video.status(),
                                        video.error() == null ? null : video.error().code(),
                                        video.error() == null ? null : video.error().message());
                        recordFailure(video.status(), video.error() == null ? null : video.error().code(),
                                video.error() == null ? failure.getMessage() : video.error().message());
                        return CompletableFuture.failedFuture(failure);
                    }, workers);
        }

        private CompletableFuture<Outcome> download(Video video) {
            if (video.expiresAt() != null && video.expiresAt() < clock.instant().getEpochSecond()) {
                recordFailure("expired", "video_expired", "assets expired before download");
                return CompletableFuture.failedFuture(new SoraAssetExpiredException(video.id(), video.expiresAt()));
            }
            long downloadDeadline = System.nanoTime() + settings.timeout().toNanos();
            return retrier.call("download video " + video.id(), settings.retry(), downloadDeadline,
                            () -> limiter.request().thenCompose(ready -> downloadOnce(video)))
                    .handle((outcome, error) -> {
                        if (error == null) {
                            return CompletableFuture.completedFuture(outcome);
                        }
                        Throwable failure = Retrier.unwrap(error);
                        if (failure instanceof SoraApiException api
                            && (api.getStatusCode() == 404 || api.getStatusCode() == 410)) {
                            return expiredOr(video, failure);
                        }
                        return CompletableFuture.<Outcome>failedFuture(failure);
                    }).thenCompose(next -> next);
        }

        private CompletableFuture<Outcome> downloadOnce(Video video) {
            return client.download(video.id()).thenApply(delivered -> {
                try {
                    record = record.delivered(delivered.file().toString(), clock.instant());
                    store.update(record);
                } catch (RuntimeException e) {
                    // the file is in place; a redelivery would find the job CREATED and download it again, at no cost
                    LOG.warn("Video {} delivered to {} but the job store could not record it: {}", video.id(),
                            delivered.file(), e.getMessage());
                }
                return new Outcome(video, delivered.file(), delivered.info(), resumed);
            });
        }

        private CompletableFuture<Outcome> expiredOr(Video video, Throwable failure) {
            return client.retrieve(video.id()).handleAsync((latest, error) -> {
                Video now = latest == null ? null : latest.value();
                boolean expired = now != null && ("expired".equals(now.status())
                        || (now.expiresAt() != null && now.expiresAt() <= clock.instant().getEpochSecond()));
                if (expired || (failure instanceof SoraApiException api && "video_expired".equals(api.getErrorCode()))) {
                    recordFailure("expired", "video_expired", "assets expired before download");
                    throw new SoraAssetExpiredException(video.id(), now != null ? now.expiresAt() : video.expiresAt());
                }
                throw failure instanceof RuntimeException r ? r : new SoraException(failure.getMessage(), video.id(),
                        failure);
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

        private CompletableFuture<Outcome> later(Duration delay, java.util.function.Supplier<CompletableFuture<Outcome>> next) {
            CompletableFuture<Outcome> result = new CompletableFuture<>();
            try {
                timer.schedule(() -> next.get().whenComplete((o, e) -> {
                    if (e != null) {
                        result.completeExceptionally(Retrier.unwrap(e));
                    } else {
                        result.complete(o);
                    }
                }), delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                result.completeExceptionally(new SoraException("Stopped before the create for key " + key
                                                               + " could be repeated", null));
            }
            return result;
        }
    }

    private static SoraException failureOf(JobRecord record) {
        if ("expired".equals(record.status())) {
            return new SoraAssetExpiredException(record.videoId(), null);
        }
        return new SoraJobFailedException(record.videoId(), record.status(), record.errorCode(), record.errorMessage());
    }

    /**
     * Whether a failed create may have reached the server: any server error (5xx) and any transport failure
     * other than a refused connection. A 4xx answer, or a connection that was never made, created nothing.
     */
    public static boolean outcomeUnknown(Throwable failure) {
        if (failure instanceof SoraApiException api) {
            return api.getStatusCode() >= 500;
        }
        if (failure instanceof SoraException && failure.getCause() != null) {
            Throwable cause = failure.getCause();
            return !(cause instanceof ConnectException || cause instanceof javax.net.ssl.SSLHandshakeException
                     || cause.getClass().getSimpleName().equals("ConnectionRequestTimeoutException"));
        }
        return false;
    }
}
