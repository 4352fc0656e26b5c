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
package io.github.camelsora.simulator;

import com.sun.net.httpserver.HttpServer;
import io.github.camelsora.simulator.media.MediaRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A local server of the OpenAI-style {@code /v1/videos} job protocol: real MP4s, a clock-driven job lifecycle,
 * injectable faults and request counters. Start one with {@link #builder()}; close it to stop the server and
 * every thread it started.
 *
 * <pre>{@code
 * try (SoraSimulator sim = SoraSimulator.builder().renderTime(Duration.ofSeconds(2)).start()) {
 *     String baseUrl = sim.baseUrl(); // http://127.0.0.1:<port>/v1
 * }
 * }</pre>
 */
public final class SoraSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SoraSimulator.class.getName());

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final SimulatorState state;
    private final WebhookSender webhooks;
    private final MediaRenderer renderer;
    private final Path cacheDir;
    private final boolean ownsCacheDir;
    private final String baseUrl;
    private final CallbackSender callbacks;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SoraSimulator(HttpServer server, ThreadPoolExecutor executor, SimulatorState state, MediaRenderer renderer,
                          Path cacheDir, boolean ownsCacheDir, CallbackSender callbacks) {
        this.callbacks = callbacks;
        this.server = server;
        this.executor = executor;
        this.state = state;
        this.webhooks = state.webhooks;
        this.renderer = renderer;
        this.cacheDir = cacheDir;
        this.ownsCacheDir = ownsCacheDir;
        this.baseUrl = "http://" + hostForUrl(server.getAddress()) + ":" + server.getAddress().getPort()
                + state.dialect.basePath();
        state.baseUrl = baseUrl;
    }

    /**
     * The Standard Webhooks secret ({@code whsec_...}) the Replicate dialect signs its callbacks with (the account's
     * {@code GET /v1/webhooks/default/secret} in the real service).
     */
    public String callbackSecret() {
        return callbacks.secret();
    }

    /** Where the fal dialect publishes its webhook signing key (a JSON Web Key Set). */
    public String jwksUrl() {
        return "http://" + hostForUrl(server.getAddress()) + ":" + port() + MarketplaceRouter.JWKS_PATH;
    }

    /** Per-job callbacks of the marketplace dialects answered with 2xx. */
    public int callbacksDelivered() {
        return callbacks.delivered();
    }

    /** Per-job callback attempts of the marketplace dialects, retries included. */
    public int callbackAttempts() {
        return callbacks.attempts();
    }

    /**
     * The headers the marketplace dialect would sign a callback of job {@code jobId} with, for {@code payload} at
     * {@code timestamp} (unix seconds): for tests that forge or replay callbacks by hand.
     */
    public Map<String, String> signCallback(String jobId, byte[] payload, String webhookId, long timestamp) {
        return callbacks.headers(jobId, payload, webhookId, timestamp);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code http://127.0.0.1:<port>/v1} ({@code .../openai/v1} in the Azure dialect, {@code .../api/v1} in
     * OpenRouter's): the base URL a client appends {@code /videos} to.
     */
    public String baseUrl() {
        return baseUrl;
    }

    /** {@code http://127.0.0.1:<port>}: the server's root, for clients that add the API version themselves. */
    public String rootUrl() {
        return baseUrl.substring(0, baseUrl.indexOf('/', "http://".length()));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String apiKey() {
        return state.apiKey;
    }

    /** The media cache directory (temporary unless given to the builder). */
    public Path cacheDir() {
        return cacheDir;
    }

    /** Planned time from create to a terminal status for jobs created from now on. */
    public void setRenderTime(Duration renderTime) {
        state.setRenderTime(requireNonNegative(renderTime));
    }

    public Duration renderTime() {
        return state.renderTime();
    }

    /** Sets (or with null removes) the {@code openai-poll-after-ms} header on non-terminal retrieves. */
    public void setPollAfterMs(Long pollAfterMs) {
        state.setPollAfterMs(pollAfterMs);
    }

    /** Jobs created afterwards whose prompt contains {@code marker} take {@code renderTime} instead of the default. */
    public void renderTimeWhenPromptContains(String marker, Duration renderTime) {
        state.rules.renderTimeWhen(Objects.requireNonNull(marker, "marker"), requireNonNegative(renderTime));
    }

    /**
     * Jobs created afterwards whose prompt contains {@code marker} end {@code failed} (at the end of their render
     * time) with {@code error{code,message}}.
     */
    public void failWhenPromptContains(String marker, String code, String message) {
        state.rules.failWhen(Objects.requireNonNull(marker, "marker"),
                new JobFailure(Objects.requireNonNull(code, "code"), Objects.requireNonNull(message, "message")));
    }

    /**
     * Jobs created afterwards whose prompt contains {@code marker} serve an MP4 padded to exactly
     * {@code totalBytes} bytes (a valid file with a large free box), to exercise big streamed downloads.
     */
    public void videoBytesWhenPromptContains(String marker, long totalBytes) {
        if (totalBytes <= 0) {
            throw new IllegalArgumentException("totalBytes must be positive");
        }
        state.rules.videoBytesWhen(Objects.requireNonNull(marker, "marker"), totalBytes);
    }

    /**
     * Jobs whose prompt contains {@code marker} turn {@code expired} {@code lifetime} after completing: their
     * {@code expires_at} is then in the past and their content answers 404 {@code video_expired}.
     */
    public void expireWhenPromptContains(String marker, Duration lifetime) {
        state.rules.assetLifetimeWhen(Objects.requireNonNull(marker, "marker"), requireNonNegative(lifetime));
    }

    /**
     * Jobs created afterwards whose prompt contains {@code marker} report {@code status} for ever (whatever the
     * clock says), in every dialect: a word a client may not know, a job that never ends. With {@code withError}
     * the job also carries an error object (a string in OpenRouter's dialect).
     */
    public void statusWhenPromptContains(String marker, String status, boolean withError) {
        state.rules.rawStatusWhen(Objects.requireNonNull(marker, "marker"),
                new PromptRules.RawStatus(Objects.requireNonNull(status, "status"), withError));
    }

    /**
     * Jobs whose prompt contains {@code marker} name {@code url} as their result (CometAPI's {@code video_url},
     * Inworld's {@code output.videos[0].url}, OpenRouter's {@code unsigned_urls[0]}) instead of this simulator's
     * own link: an internal address, another host, a redirect...
     */
    public void resultUrlWhenPromptContains(String marker, String url) {
        state.rules.resultUrlWhen(Objects.requireNonNull(marker, "marker"), Objects.requireNonNull(url, "url"));
    }

    /**
     * How long the signed result links of the URL dialects stay valid (default 1 h; Inworld signs for at most an
     * hour); each read of a job mints a new one, so an expired link is refreshed by reading the job again.
     */
    public void setResultUrlLifetime(Duration lifetime) {
        state.setResultUrlLifetime(requireNonNegative(lifetime));
    }

    /**
     * The next request on {@code route} gets no answer: the connection is closed. With {@code afterProcessing}
     * the request is handled first (a create creates its job and counts), as when a response is lost on the way
     * back; without it, nothing happens on the server.
     */
    public void dropConnection(Route route, boolean afterProcessing) {
        state.faults.enqueue(Objects.requireNonNull(route, "route"), new FaultInjector.Drop(afterProcessing));
    }

    /**
     * The next request on {@code route} is answered with its full {@code Content-Length} but only {@code fraction}
     * (0..1) of its body, then the connection is closed: an interrupted download.
     */
    public void truncateNext(Route route, double fraction) {
        state.faults.enqueue(Objects.requireNonNull(route, "route"), new FaultInjector.Truncate(fraction));
    }

    /** The next request on {@code route} waits {@code delay} before being handled: a slow server. */
    public void delayNext(Route route, Duration delay) {
        state.faults.enqueue(Objects.requireNonNull(route, "route"),
                new FaultInjector.Delay(requireNonNegative(delay)));
    }

    /**
     * The next request on {@code route} (after authentication) is answered with this error instead, once.
     * Errors queue per route in FIFO order.
     *
     * @param type    e.g. {@code rate_limit_error}, {@code server_error}
     * @param code    may be null
     * @param headers extra response headers such as {@code Retry-After}; may be null
     */
    public void enqueueError(Route route, int status, String type, String code, String message,
                             Map<String, String> headers) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status (4xx/5xx): " + status);
        }
        state.faults.enqueue(Objects.requireNonNull(route, "route"),
                new ApiException(status, Objects.requireNonNull(type, "type"), Objects.requireNonNull(message, "message"),
                        null, code, headers));
    }

    /** The server this simulator imitates. */
    public Dialect dialect() {
        return state.dialect;
    }

    /**
     * Every exchange since start or the last {@link #reset()}, in arrival order; empty unless the builder enabled
     * {@link Builder#recordExchanges(boolean)}.
     */
    public List<RecordedExchange> recordedExchanges() {
        return state.recorder.all();
    }

    /**
     * The backend id behind an id the LiteLLM dialect handed out (ids of the other dialects come back unchanged), so
     * tests can look up {@link #counters(String)} for it.
     */
    public String backendId(String id) {
        return state.dialect == Dialect.LITELLM ? OpaqueIds.decode(id) : id;
    }

    /**
     * Sends a signed {@code video.completed} / {@code video.failed} event (Standard Webhooks: headers
     * {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}) to {@code url} when each job created
     * from now on finishes. A null url stops sending.
     *
     * @param secret {@code whsec_<base64>} (the base64 part is the key) or any other text (its UTF-8 bytes are the key)
     */
    public void setWebhook(String url, String secret) {
        webhooks.configure(url, secret);
    }

    /** Each event is delivered this many times, with the same webhook-id, as an at-least-once sender may; default 1. */
    public void setWebhookCopies(int copies) {
        webhooks.setCopies(copies);
    }

    /**
     * A delivery answered with a non-2xx status (or not at all) is tried again after {@code backoff}, then twice
     * that, and so on, up to {@code maxAttempts} attempts in all.
     */
    public void setWebhookRetry(Duration backoff, int maxAttempts) {
        webhooks.setRetry(backoff, maxAttempts);
    }

    /** Keeps the events of jobs that finish from now on, until {@link #releaseWebhooks(boolean)}. */
    public void holdWebhooks() {
        webhooks.hold();
    }

    /** Sends the held events, newest first when asked (out of order), and stops holding. */
    public void releaseWebhooks(boolean newestFirst) {
        webhooks.release(newestFirst);
    }

    /** Events created (one per finished job while a webhook is set). */
    public int webhookEvents() {
        return webhooks.events();
    }

    /** Delivery attempts, copies and retries included. */
    public int webhookAttempts() {
        return webhooks.attempts();
    }

    /** Delivery attempts answered with 2xx. */
    public int webhooksDelivered() {
        return webhooks.delivered();
    }

    /** Deliveries given up after the last attempt. */
    public int webhooksAbandoned() {
        return webhooks.abandoned();
    }

    /** A new random secret in the {@code whsec_<base64>} form. */
    public static String newWebhookSecret() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return "whsec_" + java.util.Base64.getEncoder().encodeToString(key);
    }

    public VideoCounters counters(String videoId) {
        return state.counters.forVideo(videoId);
    }

    public int totalCreates() {
        return state.counters.totalCreates();
    }

    public int totalStatusReads() {
        return state.counters.totalStatusReads();
    }

    public int totalDownloads() {
        return state.counters.totalDownloads();
    }

    /** Every HTTP request received, including rejected ones (401, 404, injected faults...). */
    public int totalRequests() {
        return state.counters.totalRequests();
    }

    /** Ids of all jobs created since start or the last {@link #reset()}, in creation order (deleted ones too). */
    public List<String> createdVideoIds() {
        return state.jobs.createdIds();
    }

    /** Clears jobs, counters, queued errors and prompt rules, and restores the builder's render time and poll hint. */
    public void reset() {
        state.reset();
        callbacks.reset();
    }

    /** Stops the server, its threads and the renderer, and deletes the temporary cache directory. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        webhooks.close();
        callbacks.close();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "HTTP threads still busy 5 s after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        renderer.close();
        if (ownsCacheDir) {
            deleteRecursively(cacheDir);
        }
        LOG.log(Level.DEBUG, "Sora simulator at {0} stopped", baseUrl);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "could not delete " + path, e);
                }
            });
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete the cache directory " + dir, e);
        }
    }

    private static String hostForUrl(InetSocketAddress address) {
        InetAddress inet = address.getAddress();
        if (inet.isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        String host = inet.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static Duration requireNonNegative(Duration duration) {
        Objects.requireNonNull(duration, "renderTime");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("render time must not be negative: " + duration);
        }
        return duration;
    }

    /** Settings of a simulator; {@link #start()} may be called more than once, each call starts a new server. */
    public static final class Builder {

        private int port;
        private String bindAddress = "127.0.0.1";
        private String apiKey = "sk-sim";
        private Duration renderTime = Duration.ofSeconds(5);
        private Long pollAfterMs;
        private boolean drawPrompt = true;
        private Clock clock = Clock.systemUTC();
        private Path cacheDir;
        private int httpThreads = 8;
        private int maxCachedVideos = 32;
        private Dialect dialect = Dialect.OPENAI;
        private boolean recordExchanges;
        private String s3Endpoint;
        private String s3AccessKey;
        private String s3SecretKey;
        private String webhookUrl;
        private String webhookSecret;
        private Duration webhookBackoff = Duration.ofSeconds(1);
        private int webhookMaxAttempts = 6;
        private double renderTimeJitter;
        private String callbackSecret;
        private final Map<String, Long> videoBytesRules = new LinkedHashMap<>();

        private Builder() {
        }

        /** Which server to imitate; default {@link Dialect#OPENAI}. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Bedrock dialect: write each completed video to {@code <s3Uri>/<invocation id>/output.mp4} in the S3-compatible
         * store at {@code endpoint} (path-style), signing with this access key; the bucket must exist.
         */
        public Builder s3Output(String endpoint, String accessKey, String secretKey) {
            this.s3Endpoint = Objects.requireNonNull(endpoint, "endpoint").endsWith("/")
                    ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
            this.s3AccessKey = Objects.requireNonNull(accessKey, "accessKey");
            this.s3SecretKey = Objects.requireNonNull(secretKey, "secretKey");
            return this;
        }

        /** Keep every request and answer for {@link SoraSimulator#recordedExchanges()}; default false. */
        public Builder recordExchanges(boolean recordExchanges) {
            this.recordExchanges = recordExchanges;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Address to bind; default {@code 127.0.0.1} (loopback only). */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** The key requests must send as {@code Authorization: Bearer <key>}; default {@code sk-sim}. */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = apiKey;
            return this;
        }

        /** Planned time from create to completed; default 5 s. */
        public Builder renderTime(Duration renderTime) {
            this.renderTime = requireNonNegative(renderTime);
            return this;
        }

        /** When set, non-terminal retrieves carry {@code openai-poll-after-ms}; default null (no header). */
        public Builder pollAfterMs(Long pollAfterMs) {
            this.pollAfterMs = pollAfterMs;
            return this;
        }

        /** false: media is shared per (size, seconds) instead of showing each prompt (for runs with many prompts). */
        public Builder drawPrompt(boolean drawPrompt) {
            this.drawPrompt = drawPrompt;
            return this;
        }

        /** The clock job lifecycles are computed from; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Media cache directory, kept at close; default a temporary directory deleted at close. */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = cacheDir;
            return this;
        }

        /** Size of the fixed HTTP worker pool; default 8. */
        public Builder httpThreads(int httpThreads) {
            if (httpThreads < 1) {
                throw new IllegalArgumentException("httpThreads must be at least 1");
            }
            this.httpThreads = httpThreads;
            return this;
        }

        /** How many rendered MP4s the media cache keeps; default 32. */
        public Builder maxCachedVideos(int maxCachedVideos) {
            if (maxCachedVideos < 1) {
                throw new IllegalArgumentException("maxCachedVideos must be at least 1");
            }
            this.maxCachedVideos = maxCachedVideos;
            return this;
        }

        /** Sends signed webhook events of finished jobs to {@code url}; see {@link SoraSimulator#setWebhook}. */
        public Builder webhook(String url, String secret) {
            WebhookSender.target(url, secret); // fails now on a bad url or secret, not at start()
            this.webhookUrl = url;
            this.webhookSecret = secret;
            return this;
        }

        /**
         * The Standard Webhooks secret the Replicate dialect signs callbacks with ({@code whsec_<base64>} or text);
         * default a new random one ({@link SoraSimulator#callbackSecret()}).
         */
        public Builder callbackSecret(String secret) {
            WebhookSender.target("http://127.0.0.1/", secret);
            this.callbackSecret = secret;
            return this;
        }

        /** First retry delay (doubling after each failure) and attempts in all; default 1 s and 6. */
        public Builder webhookRetry(Duration backoff, int maxAttempts) {
            this.webhookBackoff = WebhookSender.checkBackoff(backoff);
            this.webhookMaxAttempts = WebhookSender.checkAttempts(maxAttempts);
            return this;
        }

        /**
         * Each job's render time varies uniformly by up to this fraction of the planned time either way, e.g. 0.2
         * for +-20 %, so that jobs submitted together do not all finish at the same instant; default 0.
         */
        public Builder renderTimeJitter(double renderTimeJitter) {
            if (renderTimeJitter < 0 || renderTimeJitter >= 1) {
                throw new IllegalArgumentException("renderTimeJitter must be in [0, 1): " + renderTimeJitter);
            }
            this.renderTimeJitter = renderTimeJitter;
            return this;
        }

        /**
         * Registers {@link SoraSimulator#videoBytesWhenPromptContains} at start (for the command line). Like every
         * prompt rule it is cleared by {@link SoraSimulator#reset()}.
         */
        public Builder videoBytesWhenPromptContains(String marker, long totalBytes) {
            if (totalBytes <= 0) {
                throw new IllegalArgumentException("totalBytes must be positive");
            }
            videoBytesRules.put(Objects.requireNonNull(marker, "marker"), totalBytes);
            return this;
        }

        /** Binds, starts the HTTP server and returns the running simulator. */
        public SoraSimulator start() {
            boolean ownsCacheDir = cacheDir == null;
            Path dir;
            try {
                dir = ownsCacheDir ? Files.createTempDirectory("sora-sim-media-") : Files.createDirectories(cacheDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the media cache directory", e);
            }
            MediaRenderer renderer = new MediaRenderer(dir, maxCachedVideos);
            SimulatorState state = new SimulatorState(clock, apiKey, drawPrompt, renderTime, pollAfterMs, renderer);
            state.dialect = dialect;
            state.s3Endpoint = s3Endpoint;
            state.s3AccessKey = s3AccessKey;
            state.s3SecretKey = s3SecretKey;
            state.recorder.enable(recordExchanges);
            state.webhooks = new WebhookSender(state, webhookUrl, webhookSecret, webhookBackoff, webhookMaxAttempts);
            state.setRenderTimeJitter(renderTimeJitter);
            videoBytesRules.forEach(state.rules::videoBytesWhen);
            ThreadPoolExecutor executor = fixedPool(httpThreads);
            disableNagle();
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bindAddress), port), 256);
            } catch (IOException e) {
                executor.shutdownNow();
                state.webhooks.close();
                renderer.close();
                if (ownsCacheDir) {
                    deleteRecursively(dir);
                }
                throw new UncheckedIOException("cannot bind " + bindAddress + ":" + port, e);
            }
            CallbackSender callbacks = new CallbackSender(state, callbackSecret != null ? callbackSecret
                    : newWebhookSecret());
            MarketplaceRouter marketplace = null;
            if (dialect.isMarketplace()) {
                marketplace = new MarketplaceRouter(state, callbacks);
                callbacks.router(marketplace);
                server.createContext("/", marketplace);
            } else {
                server.createContext("/", new VideosRouter(state));
            }
            server.createContext(JobReportHandler.PATH, new JobReportHandler(state));
            server.setExecutor(executor);
            server.start();
            if (marketplace != null) {
                marketplace.port(server.getAddress().getPort());
            }
            SoraSimulator simulator = new SoraSimulator(server, executor, state, renderer, dir, ownsCacheDir,
                    callbacks);
            LOG.log(Level.DEBUG, "Sora simulator listening at {0}", simulator.baseUrl());
            return simulator;
        }

        /**
         * The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body waits
         * for the client's delayed ACK (40 ms on Linux), which capped the simulator at a few hundred requests per
         * second whatever its thread count. Real API front ends set TCP_NODELAY; the JDK reads this property once,
         * when its first server starts, and a value set by the user is kept.
         */
        private static void disableNagle() {
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
        }

        /**
         * A fixed pool with every thread started up front, so the number of live threads does not change
         * while the simulator serves (tests count JVM threads with hundreds of jobs in flight).
         */
        private static ThreadPoolExecutor fixedPool(int threads) {
            AtomicInteger counter = new AtomicInteger();
            ThreadFactory factory = runnable -> {
                Thread thread = new Thread(runnable, "sora-sim-http-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(), factory);
            executor.prestartAllCoreThreads();
            return executor;
        }
    }
}
