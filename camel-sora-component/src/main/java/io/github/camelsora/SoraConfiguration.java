package io.github.camelsora;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options shared by the component (defaults for all endpoints) and each endpoint. */
@UriParams
@Configurer
public class SoraConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URL)
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "common", defaultValue = "sora-2")
    private String model = "sora-2";
    @UriParam(label = "common", defaultValue = "4")
    private String seconds = "4";
    @UriParam(label = "common", defaultValue = "720x1280")
    private String size = "720x1280";
    @UriParam(label = "producer")
    private String outputDirectory;
    @UriParam(label = "producer", defaultValue = "5000", javaType = "java.time.Duration")
    private long pollDelay = 5000;
    @UriParam(label = "producer,advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long maxPollDelay = 30000;
    @UriParam(label = "producer", defaultValue = "1800000", javaType = "java.time.Duration")
    private long timeout = 1_800_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long connectTimeout = 30_000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long requestTimeout = 60_000;
    @UriParam(label = "advanced", defaultValue = "20")
    private int maxConnections = 20;

    public String getApiKey() {
        return apiKey;
    }

    /**
     * The API key, sent as a bearer token. Never logged; use a property placeholder such as
     * {@code {{env:SORA_API_KEY}}} rather than writing it into a route.
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The base URL of a server speaking the /v1/videos protocol, up to and including the version segment, e.g.
     * {@code https://my-gateway.example.com/v1}. OpenAI's own endpoint was shut down on 2026-09-24: point this at
     * a gateway or server that still speaks the protocol (Azure OpenAI, LiteLLM, CometAPI, SGLang, the simulator).
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getModel() {
        return model;
    }

    /**
     * The model to render with, e.g. {@code sora-2} or {@code sora-2-pro}. Known models have their sizes and
     * durations checked before anything is sent; other names are passed through as they are.
     */
    public void setModel(String model) {
        this.model = model;
    }

    public String getSeconds() {
        return seconds;
    }

    /** The clip length in seconds, e.g. 4, 8, 12, 16 or 20 for the Sora 2 models (sent as a string, as required). */
    public void setSeconds(String seconds) {
        this.seconds = seconds;
    }

    public String getSize() {
        return size;
    }

    /**
     * The frame size WIDTHxHEIGHT: 720x1280 or 1280x720 for sora-2; sora-2-pro adds 1024x1792, 1792x1024,
     * 1920x1080 and 1080x1920.
     */
    public void setSize(String size) {
        this.size = size;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    /**
     * The directory the videos are downloaded to, as {@code <videoId>.mp4}; created if missing. Defaults to
     * {@code camel-sora} under the system temporary directory.
     */
    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public long getPollDelay() {
        return pollDelay;
    }

    /**
     * The delay before the first status request, and the shortest delay between two. Later delays follow the job's
     * reported progress (aiming at its estimated completion) and the server's openai-poll-after-ms hint, up to
     * maxPollDelay.
     */
    public void setPollDelay(long pollDelay) {
        this.pollDelay = pollDelay;
    }

    public long getMaxPollDelay() {
        return maxPollDelay;
    }

    /** The longest delay between two status requests of one job. */
    public void setMaxPollDelay(long maxPollDelay) {
        this.maxPollDelay = maxPollDelay;
    }

    public long getTimeout() {
        return timeout;
    }

    /**
     * How long to wait for a job, from its creation to a terminal status. When it passes, the exchange fails with
     * SoraTimeoutException carrying the video id; the job is never re-submitted.
     */
    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** The TCP connect timeout of every request. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /** The longest silence allowed while waiting for a response or reading its body. */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * Connections to the server, per base URL and key; requests beyond it wait in the pool without holding a
     * thread.
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public SoraConfiguration copy() {
        try {
            return (SoraConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
