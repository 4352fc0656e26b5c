package io.github.camelsora.springboot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code camel.component.sora.*}: defaults for every {@code sora:} endpoint, as in the component's documentation.
 * Unset properties keep the component's own defaults. A test checks that every component option has a property here.
 */
@ConfigurationProperties(prefix = "camel.component.sora")
public class SoraComponentConfiguration {

    /** Whether to auto-configure the sora component. */
    private boolean enabled = true;
    /**
     * The API key, sent as a bearer token. Never logged; use a placeholder such as ${SORA_API_KEY} rather than
     * writing it into the file.
     */
    private String apiKey;
    /**
     * The base URL of a server speaking the /v1/videos protocol, up to and including the version segment. OpenAI's
     * own endpoint was shut down on 2026-09-24: point this at a server that still speaks the protocol. Default:
     * https://api.openai.com/v1.
     */
    private String baseUrl;
    /** The model to render with, e.g. sora-2 or sora-2-pro. Default: sora-2. */
    private String model;
    /** The clip length in seconds, e.g. 4, 8, 12, 16 or 20 for the Sora 2 models. Default: 4. */
    private String seconds;
    /** The frame size WIDTHxHEIGHT, e.g. 720x1280 or 1280x720. Default: 720x1280. */
    private String size;
    /** The directory the videos are downloaded to, as videoId.mp4. Default: camel-sora under the temp directory. */
    private String outputDirectory;
    /** The delay before the first status request, and the shortest delay between two. Default: 5s. */
    private Duration pollDelay;
    /** The longest delay between two status requests of one job. Default: 30s. */
    private Duration maxPollDelay;
    /** How long to wait for a job; then SoraTimeoutException with the video id (never re-submitted). Default: 30m. */
    private Duration timeout;
    /** The TCP connect timeout of every request. Default: 30s. */
    private Duration connectTimeout;
    /** The longest silence allowed while waiting for a response or reading its body. Default: 60s. */
    private Duration requestTimeout;
    /** Connections to the server, per base URL and key. Default: 20. */
    private Integer maxConnections;
    /**
     * Prices in US dollars per second of video replacing or extending the built-in Sora 2 list prices, written
     * model[:WIDTHxHEIGHT]=usdPerSecond separated by commas, e.g. sora-2-pro:1280x720=0.25,default=0.20 (default:
     * any other model).
     */
    private String priceTable;
    /**
     * The most the jobs submitted in one UTC day may cost, in US dollars, estimated from the price table. A job that
     * would go past it is refused before anything is sent; jobs already submitted go on. Not set: no limit.
     */
    private Double maxSpendPerDay;
    /** Threads on which routes continue after a job finishes. Jobs in flight hold no thread. Default: 4. */
    private Integer workerPoolSize;
    /** Whether the producer should be started lazily (on the first message). Default: false. */
    private Boolean lazyStartProducer;
    /** Whether autowiring is enabled (options marked autowired are looked up in the registry). Default: true. */
    private Boolean autowiredEnabled;
    /** Used for enabling or disabling all consumer based health checks from this component. Default: true. */
    private Boolean healthCheckConsumerEnabled;
    /**
     * Used for enabling or disabling all producer based health checks from this component (readiness: the provider
     * accepts the key). Producer health checks are also off globally unless camel.health.producers-enabled=true.
     * Default: true.
     */
    private Boolean healthCheckProducerEnabled;
    /**
     * The longest a whole download may take, however steadily the bytes arrive; then the download fails and
     * leaves no file. Default: 30m.
     */
    private Duration downloadTimeout;
    /**
     * The largest media download accepted, in bytes; a larger body fails with SoraApiException
     * (response_too_large). Default: 4294967296 (4 GiB).
     */
    private Long maxDownloadBytes;
    /**
     * The largest JSON or error response accepted, in bytes. Default: 8388608 (8 MiB).
     */
    private Long maxResponseBytes;
    /**
     * An HTTP forward proxy to reach the server through (https is tunnelled with CONNECT).
     */
    private String proxyHost;
    /**
     * The proxy's port.
     */
    private Integer proxyPort;
    /**
     * The user for the proxy's Basic authentication.
     */
    private String proxyUsername;
    /**
     * The password for the proxy's Basic authentication.
     */
    private String proxyPassword;
    /**
     * Allow a plain http:// baseUrl to a host other than loopback (the key would travel in clear text).
     * Default: false.
     */
    private Boolean allowInsecureHttp;
    /**
     * TLS settings for the connection to the server, as a reference to an SSLContextParameters bean,
     * e.g. #soraTls (to trust a gateway's private certificate authority).
     */
    private String sslContextParameters;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getSeconds() {
        return seconds;
    }

    public void setSeconds(String seconds) {
        this.seconds = seconds;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public Duration getPollDelay() {
        return pollDelay;
    }

    public void setPollDelay(Duration pollDelay) {
        this.pollDelay = pollDelay;
    }

    public Duration getMaxPollDelay() {
        return maxPollDelay;
    }

    public void setMaxPollDelay(Duration maxPollDelay) {
        this.maxPollDelay = maxPollDelay;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getPriceTable() {
        return priceTable;
    }

    public void setPriceTable(String priceTable) {
        this.priceTable = priceTable;
    }

    public Double getMaxSpendPerDay() {
        return maxSpendPerDay;
    }

    public void setMaxSpendPerDay(Double maxSpendPerDay) {
        this.maxSpendPerDay = maxSpendPerDay;
    }

    public Integer getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(Integer workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public Duration getDownloadTimeout() {
        return downloadTimeout;
    }

    public void setDownloadTimeout(Duration downloadTimeout) {
        this.downloadTimeout = downloadTimeout;
    }

    public Long getMaxDownloadBytes() {
        return maxDownloadBytes;
    }

    public void setMaxDownloadBytes(Long maxDownloadBytes) {
        this.maxDownloadBytes = maxDownloadBytes;
    }

    public Long getMaxResponseBytes() {
        return maxResponseBytes;
    }

    public void setMaxResponseBytes(Long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public String getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(String sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }
}
