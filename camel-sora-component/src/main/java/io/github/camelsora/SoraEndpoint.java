package io.github.camelsora;

import java.nio.file.Path;
import java.time.Duration;
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
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/** Generate videos with Sora 2 and other servers of the asynchronous /v1/videos job protocol. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "sora", title = "Sora", syntax = "sora:operation",
             category = { Category.AI }, headersClass = SoraConstants.class)
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
    /** Resolved once at init: a job asks for the client three times or more (create, status, download). */
    private ClientSettings settings;

    public SoraEndpoint(String uri, SoraComponent component, SoraConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
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
        ClientSettings resolved = settings;
        return getComponent().provider(profile(), resolved != null ? resolved : clientSettings());
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

    /** Where and how this endpoint runs its jobs (read per exchange: completion=auto follows the consumers). */
    public JobEngine.JobContext jobContext() {
        return new JobEngine.JobContext(provider(), gateway(), getComponent().store(configuration.getJobStore()),
                Duration.ofMillis(configuration.getTimeout()), completionPolicy(), acceptsEvents(), outputDirectory(),
                Duration.ofMillis(configuration.getDownloadTimeout()));
    }

    /** The HTTP transport settings of this endpoint (the transport is shared per TLS and proxy setting). */
    HttpTransport.Key transportKey() {
        ClientSettings resolved = settings != null ? settings : clientSettings();
        return HttpTransport.Key.of(resolved.transport(), resolved.connectTimeout(), resolved.maxConnections());
    }

    /** How to reach the server; checks the base URL (https unless loopback or allowed). */
    ClientSettings clientSettings() {
        String[] auth = profile().authHeader(configuration.getApiKey(), configuration.getAccessToken());
        return new ClientSettings(
                baseUrl(), auth[0], auth[1],
                Duration.ofMillis(configuration.getConnectTimeout()), Duration.ofMillis(configuration.getRequestTimeout()),
                configuration.getMaxConnections(), transportSettings());
    }

    private TransportSettings transportSettings() {
        SoraConfiguration c = configuration;
        TransportSettings transport = TransportSettings.defaults()
                .withAllowInsecureHttp(c.isAllowInsecureHttp())
                .withLimits(c.getMaxDownloadBytes(), c.getMaxResponseBytes(), Duration.ofMillis(c.getDownloadTimeout()))
                .withAllowInternalResultUrls(c.isAllowInternalResultUrls());
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
    void checkUsable() {
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
