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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.ClientSettings;
import io.github.camelsora.api.ProviderProfile;
import io.github.camelsora.api.SoraRetiredEndpointException;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.TransportSettings;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.HttpTransport;
import io.github.camelsora.api.VideoProvider;
import io.github.camelsora.job.JobEngine;
import io.github.camelsora.job.JobStore;
import io.github.camelsora.job.PolicyGateway;
import io.github.camelsora.job.Limiter;
import io.github.camelsora.job.PollPolicy;
import io.github.camelsora.webhook.SoraWebhookConsumer;
import io.github.camelsora.job.PriceTable;
import io.github.camelsora.job.RetryPolicy;
import io.github.camelsora.media.VideoFiles;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.URISupport;

/** Generate videos with Sora 2 and other servers of the asynchronous /v1/videos job protocol. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "sora", title = "Sora", syntax = "sora:operation",
             category = { Category.AI }, headersClass = SoraConstants.class)
@ManagedResource(description = "Managed sora endpoint")
public class SoraEndpoint extends ScheduledPollEndpoint {

    /** The default delay between two polls of sora:videos, in milliseconds. */
    static final long DEFAULT_VIDEOS_DELAY = 30_000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SoraEndpoint.class);

    @UriPath(description = "The operation to perform")
    @Metadata(required = true, defaultValue = "generate")
    private SoraOperation operation = SoraOperation.generate;

    @UriParam
    private SoraConfiguration configuration;

    private PriceTable prices;
    private volatile PolicyGateway gateway;
    private volatile VideoProvider provider;
    private volatile JobStore jobStore;
    /** Resolved once at init: a job asks for the client three times or more (create, status, download). */
    private ClientSettings settings;
    /**
     * What tells this endpoint from another: a SHA-256 of its URI as given, secrets included. The URI Camel shows
     * ({@link #getEndpointUri()}) has its secrets masked, so it cannot be the identity: Camel's producer and consumer
     * caches key endpoints by {@code equals}, and two tenants' {@code toD} endpoints differing only in apiKey would
     * share the first one's producer (and key). Never printed.
     */
    private final String identity;

    /**
     * @param uri the endpoint's URI as given, secrets included: the endpoint shows it with its secrets masked and
     *            keeps only a hash of it to tell itself from other endpoints
     */
    public SoraEndpoint(String uri, SoraComponent component, SoraConfiguration configuration) {
        super(URISupport.sanitizeUri(uri), component);
        this.identity = sha256(normalized(uri));
        this.configuration = configuration;
    }

    /** Endpoints are equal when their URIs as given are, secrets included, in the same CamelContext. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof SoraEndpoint that && identity.equals(that.identity)
               && Objects.equals(contextName(), that.contextName());
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }

    private String contextName() {
        return getCamelContext() == null ? null : getCamelContext().getName();
    }

    /** The URI in Camel's normal form (the context passes it so already), so that parameter order does not count. */
    private static String normalized(String uri) {
        try {
            return URISupport.normalizeUri(uri);
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return uri;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public SoraComponent getComponent() {
        return (SoraComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (operation == SoraOperation.webhook || operation == SoraOperation.videos) {
            throw new IllegalArgumentException("sora:" + operation + " is a consumer: use it in from(...), not to(...)");
        }
        return new SoraProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (operation) {
            case webhook -> new SoraWebhookConsumer(this, processor);
            case videos -> new SoraVideosConsumer(this, processor);
            default -> throw new IllegalArgumentException("sora:" + operation
                                                          + " is a producer; the consumers are sora:webhook and sora:videos");
        };
        configureConsumer(consumer);
        return consumer;
    }

    /** The price table: the provider's list prices (its profile's) with the endpoint's priceTable overrides. */
    PriceTable prices() {
        PriceTable table = prices;
        return table != null ? table : PriceTable.forProvider(profile().prices(), configuration.getPriceTable());
    }

    /** The provider seam for this endpoint's provider, server and key (it holds no thread). */
    public VideoProvider provider() {
        VideoProvider cached = provider;
        if (cached != null) {
            return cached;
        }
        ClientSettings resolved = settings;
        VideoProvider made = getComponent().provider(profile(), resolved != null ? resolved : clientSettings());
        if (resolved != null) {
            provider = made; // settings are fixed once the endpoint is initialised
        }
        return made;
    }

    /** The policies every call of this endpoint passes through: limiter, retries, budget, metrics. */
    PolicyGateway gateway() {
        PolicyGateway current = gateway;
        if (current == null) {
            synchronized (this) {
                if (gateway == null) {
                    gateway = new PolicyGateway(limiter(), retryPolicy(), getComponent().budget(),
                            getComponent().monitor().metrics(), getComponent().engine().timer());
                }
                current = gateway;
            }
        }
        return current;
    }

    /**
     * Where and how this endpoint runs its jobs (read per exchange: completion=auto follows the consumers), in the
     * scope of the exchange being sent (its MDC, meter tags and trace context), when there is one.
     */
    public JobEngine.JobContext jobContext() {
        JobStore store = jobStore;
        if (store == null) {
            store = jobStore = getComponent().store(configuration.getJobStore());
        }
        return new JobEngine.JobContext(provider(), gateway(), store,
                Duration.ofMillis(configuration.getTimeout()), completionPolicy(), acceptsEvents(), outputDirectory(),
                Duration.ofMillis(configuration.getDownloadTimeout()), configuration.isDownloadResult(),
                io.github.camelsora.api.JobScope.current());
    }

    /**
     * The scope of {@code exchange} at this endpoint: its MDC entries (when the context logs with MDC), meter tags and
     * trace context, for work this endpoint does for it on other threads (the webhook consumer's HTTP requests).
     */
    public io.github.camelsora.api.JobScope scope(org.apache.camel.Exchange exchange) {
        return SoraTelemetry.scope(exchange, this);
    }

    /** The HTTP transport settings of this endpoint (the transport is shared per TLS and proxy setting). */
    HttpTransport.Key transportKey() {
        ClientSettings resolved = settings != null ? settings : clientSettings();
        return HttpTransport.Key.of(resolved.transport(), resolved.connectTimeout(), resolved.maxConnections());
    }

    /** How to reach the server; checks the base URL (https unless loopback or allowed). */
    ClientSettings clientSettings() {
        String[] auth = profile().authHeader(configuration.getApiKey(), configuration.getAccessToken());
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        putIfSet(options, "region", configuration.getRegion());
        putIfSet(options, "profile", configuration.getAwsProfile());
        putIfSet(options, "accessKeyId", configuration.getAccessKeyId());
        putIfSet(options, "secretAccessKey", configuration.getSecretAccessKey());
        putIfSet(options, "storageEndpoint", configuration.getStorageEndpoint());
        return new ClientSettings(
                baseUrl(), auth[0], auth[1],
                Duration.ofMillis(configuration.getConnectTimeout()), Duration.ofMillis(configuration.getRequestTimeout()),
                configuration.getMaxConnections(), transportSettings(), options);
    }

    private static void putIfSet(java.util.Map<String, String> options, String name, String value) {
        if (value != null && !value.isBlank()) {
            options.put(name, value);
        }
    }

    private TransportSettings transportSettings() {
        SoraConfiguration c = configuration;
        TransportSettings transport = TransportSettings.defaults()
                .withAllowInsecureHttp(c.isAllowInsecureHttp())
                .withLimits(c.getMaxDownloadBytes(), c.getMaxResponseBytes(), Duration.ofMillis(c.getDownloadTimeout()))
                .withAllowInternalProviderUrls(c.isAllowInternalProviderUrls());
        if (c.getSslContextParameters() != null) {
            transport = transport.withSslContext(getComponent().sslContext(c.getSslContextParameters()));
        }
        if (c.getProxyHost() != null) {
            transport = transport.withProxy(c.getProxyHost(), c.getProxyPort() == null ? 3128 : c.getProxyPort(),
                    c.getProxyUsername(), c.getProxyPassword());
        }
        return transport;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        settings = clientSettings(); // fails at startup, not on the first message, for a base URL that would leak the key
        // a mistake in the price table fails the route at start, not the first paid job
        prices = PriceTable.forProvider(profile().prices(), configuration.getPriceTable());
    }

    /** The provider profile named by the {@code provider} option. */
    ProviderProfile profile() {
        return ProviderProfile.named(configuration.getProvider());
    }

    /** The provider profile named by the {@code provider} option (for the consumers). */
    public ProviderProfile providerProfile() {
        return profile();
    }

    /** The configured base URL, else the provider's default; a provider without one needs it configured. */
    String baseUrl() {
        String configured = configuration.getBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        ProviderProfile profile = profile();
        if (profile.defaultBaseUrl() == null) {
            throw new SoraValidationException("baseUrl", "provider " + profile.name() + " has no default base URL;"
                                                         + " set baseUrl to " + profile.baseUrlHint());
        }
        return profile.defaultBaseUrl();
    }

    /**
     * Fails fast, before any exchange, when the configuration cannot work: an unknown provider, a provider without a
     * default base URL and none given, or a retired endpoint (OpenAI's since 2026-09-24, Azure's sora-2 since
     * 2026-10-15, at their own hosts) not explicitly allowed.
     */
    public void checkUsable() {
        ProviderProfile profile = profile();
        String baseUrl = baseUrl();
        if (!configuration.isAllowRetiredEndpoint() && profile.isRetiredHost(baseUrl)) {
            throw new SoraRetiredEndpointException(profile.name(), baseUrl, profile.retiredOn(), profile.alternatives());
        }
    }

    RetryPolicy retryPolicy() {
        return new RetryPolicy(configuration.getMaxRetries(), Duration.ofMillis(configuration.getRetryDelay()),
                Duration.ofMillis(configuration.getMaxRetryDelay()), configuration.getQuotaAfterRateLimits());
    }

    Limiter limiter() {
        return getComponent().limiter(baseUrl(), configuration.getApiKey(), configuration);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        limiter(); // conflicting limits for one server and key fail here, at start
        // downloads interrupted by a crash leave hidden .part files; a dead process's are removed before work starts
        int deleted = VideoFiles.deleteStaleTemporaries(outputDirectory(),
                Duration.ofMillis(Math.max(configuration.getRequestTimeout() * 2, 600_000)));
        if (deleted > 0) {
            LOG.info("Deleted {} partial download(s) left in {} by a stopped process", deleted, outputDirectory());
        }
    }

    @Override
    protected void doStop() throws Exception {
        // the component closes its transports when it stops: a restarted context resolves them again
        provider = null;
        gateway = null;
        jobStore = null;
        super.doStop();
    }

    PollPolicy pollPolicy() {
        return new PollPolicy(Duration.ofMillis(configuration.getPollDelay()),
                Duration.ofMillis(configuration.getMaxPollDelay()));
    }

    /** The file name stem of a video's downloads: the id when it is a safe name (see VideoFiles#safeStem). */
    String fileStem(String videoId) {
        return io.github.camelsora.media.VideoFiles.safeStem(videoId);
    }

    /**
     * How generate waits: the adaptive poll policy, or with webhook completion a slow safety poll (the job's event
     * completes the wait).
     */
    PollPolicy completionPolicy() {
        if (!acceptsEvents()) {
            return pollPolicy();
        }
        Duration safety = Duration.ofMillis(configuration.getSafetyPollDelay());
        return new PollPolicy(safety, safety);
    }

    /** Whether webhook events complete this endpoint's waits: completion=webhook, or auto with a webhook consumer. */
    boolean acceptsEvents() {
        SoraCompletion completion = configuration.getCompletion();
        return completion == SoraCompletion.webhook
               || completion == SoraCompletion.auto && getComponent().hasWebhookConsumer();
    }

    /** The webhook scheme of this endpoint's provider (sora:webhook uses it when webhookScheme is not set). */
    public String providerWebhookScheme() {
        return profile().webhookScheme();
    }

    /**
     * fal's webhook key set (webhookJwksUrl), fetched under the safe-fetch rules over the shared transport: no
     * credential, https and public addresses only unless allowInternalProviderUrls, at most 1 MiB.
     */
    public CompletableFuture<byte[]> fetchWebhookKeys() {
        boolean internal = configuration.isAllowInternalProviderUrls();
        io.github.camelsora.api.FetchPolicy policy = io.github.camelsora.api.FetchPolicy.defaults()
                .withMaxBytes(1024 * 1024).withAllowHttp(internal).withAllowInternalAddresses(internal);
        return getComponent().fetcher(policy, transportKey()).fetch(configuration.getWebhookJwksUrl())
                .thenApply(io.github.camelsora.api.FetchedResource::body);
    }

    /** The job as the provider sees it now, through this endpoint's policies (for the consumers). */
    public CompletableFuture<Video> retrieveJob(String videoId) {
        return getComponent().engine().retrieve(jobContext(), videoId);
    }

    /** One page of the provider's jobs, newest first, through this endpoint's policies (for the consumers). */
    public CompletableFuture<io.github.camelsora.api.VideoList> listJobs(String after, Integer limit) {
        return new SoraBinding(this).call("list videos", (provider, deadline) -> provider.list(after, limit, "desc",
                deadline)).thenApply(io.github.camelsora.api.ApiResponse::value);
    }

    /**
     * Puts a finished job on a consumer's message: the job as body, or with download and a completed job, its MP4
     * file. Completes once the message is ready.
     */
    public CompletableFuture<Void> deliverJob(Video video, Message message) {
        return new SoraBinding(this).deliver(video, message);
    }

    Path outputDirectory() {
        String directory = configuration.getOutputDirectory();
        return directory != null
                ? Path.of(directory)
                : Path.of(System.getProperty("java.io.tmpdir"), "camel-sora");
    }

    /** Exchanges this endpoint's producers are working on (sent, not yet answered). */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    /** An exchange started (+1) or ended (-1) in a producer of this endpoint. */
    void inFlight(int delta) {
        inFlight.addAndGet(delta);
    }

    // ---- JMX: merged into Camel's managed endpoint (org.apache.camel:type=endpoints) ----

    @ManagedAttribute(description = "Exchanges this endpoint is working on: their jobs in flight, waits, downloads")
    public int getJobsInFlight() {
        return inFlight.get();
    }

    @ManagedAttribute(description = "What the jobs submitted today (UTC) are estimated to cost, in US dollars (the"
                                    + " component's budget, shared by its endpoints)")
    public double getBudgetSpentToday() {
        return getComponent().getBudgetSpentToday();
    }

    @ManagedAttribute(description = "Exchanges and requests waiting in the limiter of this endpoint's server and key")
    public int getLimiterQueueLength() {
        if (!isStarted()) {
            return 0;
        }
        try {
            return limiter().queueLength();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    @ManagedAttribute(description = "The provider profile")
    public String getProviderName() {
        return configuration.getProvider();
    }

    @ManagedAttribute(description = "The operation")
    public String getOperationName() {
        return String.valueOf(operation);
    }

    public SoraOperation getOperation() {
        return operation;
    }

    /** The operation to perform. */
    public void setOperation(SoraOperation operation) {
        this.operation = operation;
    }

    public SoraConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(SoraConfiguration configuration) {
        this.configuration = configuration;
    }
}
