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
package io.github.camelsora.springboot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * {@code camel.component.sora.*}: defaults for every {@code sora:} endpoint, one property per component option
 * (descriptions from the component's catalog, sora.json). Unset properties keep the component's own defaults.
 * {@code StarterMetadataMatchesComponentTest} fails when the component gains an option this class lacks.
 */
@ConfigurationProperties(prefix = "camel.component.sora")
public class SoraComponentConfiguration {

    /**
     * Whether to auto-configure the sora component: false leaves it with its own defaults, as if the starter were
     * absent (camel.component.enabled=false does the same for every component). Default: true.
     */
    private boolean enabled = true;
    /** camel.component.sora.customizer.enabled. */
    @NestedConfigurationProperty
    private final Customizer customizer = new Customizer();
    /**
     * A directory for a FileJobStore (one node, survives a crash) that becomes the component's jobStore; the
     * starter creates it as the bean soraJobStore. Use this, job-store-data-source or job-store, not several.
     */
    private String jobStoreDirectory;
    /**
     * The DataSource bean (name, #name or #bean:name) of a JdbcJobStore (nodes sharing a database) that becomes
     * the component's jobStore; the starter creates it as the bean soraJobStore.
     */
    private String jobStoreDataSource;
    /** The table of the job-store-data-source store (letters, digits, underscore). */
    private String jobStoreTable = "camel_sora_jobs";
    /** Whether the job-store-data-source store creates its table (and index) when missing. */
    private boolean jobStoreCreateTable = true;
    /**
     * Allow calls to an endpoint its provider has retired (OpenAI's own, since 2026-09-24). Off by default: the
     * route then fails at start with an exception naming the alternatives. Default: false.
     */
    private Boolean allowRetiredEndpoint;
    /**
     * The provider's base URL, up to and including its version segment, e.g. https://my-gateway.example.com/v1.
     * Defaults to the provider's (none for azure, custom, newapi and vertex, which need it). OpenAI's own endpoint
     * was shut down on 2026-09-24 and Azure's sora-2 on 2026-10-15.
     */
    private String baseUrl;
    /**
     * The model to render with, e.g. sora-2 or sora-2-pro. Known models have their sizes and durations checked
     * before anything is sent; other names are passed through as they are. Default: sora-2.
     */
    private String model;
    /**
     * The kind of server, a profile of data (docs/providers.md). Live servers of the /v1/videos job protocol:
     * cometapi, litellm, sglang, vllm (vLLM-Omni), openrouter, merge, newapi, bifrost, inworld or custom; openai
     * (retired 2026-09-24) and azure (sora-2 retired 2026-10-15) fail at start at their own hosts. Native job APIs:
     * gemini, vertex, bedrock (needs camel-sora-aws); model marketplaces: fal, replicate, byteplus. Decides the
     * protocol and its dialect, the default base URL, how the key is sent, which operations exist, which models,
     * sizes and seconds are checked, and how callbacks are signed. One of: openai, azure, cometapi, litellm, sglang,
     * vllm, openrouter, merge, newapi, bifrost, inworld, custom, gemini, vertex, bedrock, fal, replicate, byteplus.
     * Default: openai.
     */
    private String provider;
    /**
     * The aspect ratio, e.g. 16:9 or 9:16 (also written 16x9; sent as 16:9), for providers that take one
     * (OpenRouter, CometAPI's orientation hint, custom, Veo, fal, Replicate, BytePlus); refused before anything is
     * sent by a provider that does not. Without it, a provider that needs one gets the ratio of size.
     */
    private String aspectRatio;
    /**
     * The resolution label, e.g. 720p or 1080p, for providers that take one (OpenRouter, custom, Veo, fal,
     * Replicate, BytePlus); without it, such a provider gets the shorter side of size (1280x720 is 720p).
     */
    private String resolution;
    /**
     * Provider fields sent with each create as they are (e.g. fps=16 for vLLM-Omni); numbers, booleans and JSON
     * object or array text are sent as such. They win over the fields the component sets.
     */
    private java.util.Map<String, Object> providerOptions;
    /**
     * The image the video ends on (inputReference is the one it starts from), for providers that take a last frame
     * (CometAPI: a second ordered input_reference file; OpenRouter: frame_images last_frame); a file path or an https
     * image URL, checked and fitted like inputReference. Refused before anything is sent by a provider without it.
     */
    private String lastFrame;
    /**
     * Reference images for style or content (not frames), comma-separated file paths or https URLs (at most 4), for
     * providers that take them (OpenRouter: input_references). Refused before anything is sent by a provider
     * without them.
     */
    private String referenceImages;
    /**
     * The clip length in seconds, e.g. 4, 8, 12, 16 or 20 for the Sora 2 models (sent as a string, as required).
     * Default: 4.
     */
    private String seconds;
    /**
     * The frame size WIDTHxHEIGHT: 720x1280 or 1280x720 for sora-2; sora-2-pro adds 1024x1792, 1792x1024, 1920x1080
     * and 1080x1920. Default: 720x1280.
     */
    private String size;
    /**
     * Check requests against the provider's capability table before sending: known models strictly (sizes, seconds),
     * unknown models pass through with a warning, missing operations are refused. Off: everything is sent as given
     * and the server decides. Default: true.
     */
    private Boolean validateRequests;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored. Default: false.
     */
    private Boolean bridgeErrorHandler;
    /**
     * Whether the consumers download the MP4 of a completed job to outputDirectory and make the file the body
     * (CamelFileName set to videoId.mp4); failed jobs keep the job as body. Default: false.
     */
    private Boolean download;
    /**
     * Whether sora:webhook fetches the job an event is about (GET /videos/{id}) and makes it the body; false: the
     * body is the event JSON as received, and no request is made. Default: true.
     */
    private Boolean fetchVideo;
    /**
     * Whether an event that completed a sora:generate exchange waiting in this Camel context also runs the
     * sora:webhook route. By default it does not: that exchange already carries the video. Default: false.
     */
    private Boolean forwardTrackedEvents;
    /**
     * How many jobs sora:videos asks for per list request (1..100); it follows pages until the last. Default: 100.
     */
    private Integer pageSize;
    /**
     * The HTTP path sora:webhook serves (POST), on the platform-http server of the runtime. Default: /sora/webhook.
     */
    private String webhookPath;
    /**
     * bedrock: the AWS region, e.g. us-east-1 (default: the region of baseUrl, else us-east-1).
     */
    private String region;
    /**
     * generate: false leaves the result where the provider wrote it (its storageUri: an s3:// or gs:// location)
     * and answers with that location in header CamelSoraOutputUri (and as the body) instead of downloading the MP4.
     * Default: true.
     */
    private Boolean downloadResult;
    /**
     * Whether the model renders a soundtrack (true or false), where the provider offers the choice (OpenRouter,
     * vLLM-Omni, Vertex, fal, Replicate, BytePlus); unset, nothing is sent and the provider's default applies. One
     * of: true, false.
     */
    private String generateAudio;
    /**
     * What the video should not show, for providers that take a negative prompt (vLLM-Omni, custom, Veo, fal,
     * Replicate); refused before anything is sent by a provider that has none.
     */
    private String negativePrompt;
    /**
     * The sampler's seed, for repeatable renders where the provider takes one (OpenRouter, SGLang, vLLM-Omni, Vertex,
     * Bedrock Nova Reel, fal, Replicate, BytePlus).
     */
    private Long seed;
    /**
     * Where the provider writes the result in cloud storage: vertex (gs://bucket/prefix/, optional) and bedrock
     * (s3://bucket/prefix, required); refused before anything is sent by the others.
     */
    private String storageUri;
    /**
     * bedrock: the endpoint of the object store the result is read from, when it is not AWS's S3 (an S3-compatible
     * store in tests).
     */
    private String storageEndpoint;
    /**
     * bedrock: an AWS access key id (with secretAccessKey) instead of the default credentials provider chain.
     */
    private String accessKeyId;
    /**
     * bedrock: the AWS credentials profile to use instead of the default credentials provider chain.
     */
    private String awsProfile;
    /**
     * bedrock: the AWS secret access key that goes with accessKeyId. Never logged.
     */
    private String secretAccessKey;
    /**
     * How sora:webhook authenticates callbacks: standard-webhooks (OpenAI, Replicate: webhook-id, webhook-timestamp,
     * webhook-signature with webhookSecret), fal (an ED25519 signature checked against fal's published key set,
     * webhookJwksUrl; no secret), openrouter (X-OpenRouter-Signature with webhookSecret), or none (unsigned
     * callbacks, BytePlus: only a reason to read the job again). Not set: the provider's scheme. One of:
     * standard-webhooks, fal, openrouter, none.
     */
    private String webhookScheme;
    /**
     * Where webhookScheme=fal finds fal's public keys (a JSON Web Key Set), fetched under the safe-fetch rules and kept
     * 24 hours. Default: https://rest.fal.ai/.well-known/jwks.json.
     */
    private String webhookJwksUrl;
    /**
     * The public URL of your sora:webhook, sent with each new job to providers that take one per job (fal's webhook
     * URL, Replicate's webhook, BytePlus' callback_url), so that the job's callback ends the wait at once.
     */
    private String callbackUrl;
    /**
     * Let the component fetch URLs a provider names (a result a job names by URL on another host, such as CometAPI's
     * video_url or a marketplace's output file; fal's key set) over plain http and from loopback, private or
     * link-local addresses: for a local simulator or an intranet mirror. Default: false.
     */
    private Boolean allowInternalProviderUrls;
    /**
     * The component that serves sora:webhook, a RestConsumerFactory such as platform-http. By default the one of the
     * rest configuration, else platform-http, else the only one in the Camel context.
     */
    private String httpServerComponent;
    /**
     * Remembers what the consumers delivered: webhook-ids for sora:webhook (a redelivered event runs the route
     * once), video ids for sora:videos (each finished job is emitted once). By default an in-memory repository of
     * 1000 entries per consumer; use a persistent or shared one (JDBC, Redis, Infinispan...) to survive restarts or
     * to share across nodes. The name of a bean of type IdempotentRepository: myRepo, #myRepo or #bean:myRepo.
     */
    private String idempotentRepository;
    /**
     * List: start after this video id.
     */
    private String after;
    /**
     * List: follow has_more and answer every video, not just one page. Default: false.
     */
    private Boolean autoPaginate;
    /**
     * The name of the character createCharacter creates (1..80 characters).
     */
    private String characterName;
    /**
     * Character ids (comma-separated, at most 2) to use in create/generate. The id alone is not enough: put each
     * character's name in the prompt yourself.
     */
    private String characters;
    /**
     * How generate learns that a job finished: poll (status requests on an adaptive schedule), webhook (the job's
     * event, received by a sora:webhook consumer in the same Camel context, completes it with no status request; a
     * status request every safetyPollDelay covers a lost event), or auto (webhook while a sora:webhook consumer runs
     * in the Camel context, else poll). One of: poll, webhook, auto. Default: auto.
     */
    private String completion;
    /**
     * Delete the video on the server once generate has saved everything. A failed delete is logged and reported in
     * header CamelSoraDeleted, never failing the exchange (the files are safe). Default: false.
     */
    private Boolean deleteAfterDownload;
    /**
     * The reference image of generate/create: a file path (uploaded as multipart), a file id (file-...) or an https
     * image URL (both sent in the JSON object form). Header CamelSoraInputReference overrides it.
     */
    private String inputReference;
    /**
     * What to do with a reference image whose size is not the video's: reject (the default: a clear error before
     * anything is billed), crop (scale to cover, cut evenly) or pad (scale to fit, black bars). Only uploaded images
     * can be checked and fitted. One of: reject, crop, pad. Default: reject.
     */
    private String inputReferenceFit;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing. Default: false.
     */
    private Boolean lazyStartProducer;
    /**
     * List: the page size, 1..100 (server default 20).
     */
    private Integer limit;
    /**
     * List: asc or desc by creation time (server default desc). One of: asc, desc.
     */
    private String order;
    /**
     * The directory the videos are downloaded to, as videoId.mp4 (the job's id); created if missing. Defaults to
     * camel-sora under the system temporary directory.
     */
    private String outputDirectory;
    /**
     * The delay before the first status request; it doubles while the job reports no progress. Once progress moves,
     * the delays aim at the job's estimated completion (at least 1 s apart, or pollDelay if shorter), never shorter
     * than the server's openai-poll-after-ms hint, up to maxPollDelay. Equal to maxPollDelay, the interval is fixed.
     * Default: 10s.
     */
    private Duration pollDelay;
    /**
     * With webhook completion, the delay between two status requests of a job whose event has not arrived: a safety
     * net for a lost or undeliverable event, so keep it long (jobs usually finish before the first one). Default:
     * 5m.
     */
    private Duration safetyPollDelay;
    /**
     * How long to wait for a job, from its creation to a terminal status. When it passes, the exchange fails with
     * SoraTimeoutException carrying the video id; the job is never re-submitted. Default: 30m.
     */
    private Duration timeout;
    /**
     * What download fetches: video (MP4), thumbnail (WebP) or spritesheet (JPEG). One of: video, thumbnail,
     * spritesheet. Default: video.
     */
    private String variant;
    /**
     * Extra assets generate fetches after the video: thumbnail and/or spritesheet, comma-separated. Their files are
     * in header CamelSoraVariantFiles.
     */
    private String variants;
    /**
     * The longest a whole download may take, however steadily the bytes arrive (requestTimeout only bounds the
     * silence between them). When it passes, the download fails and leaves no file behind. Default: 30m.
     */
    private Duration downloadTimeout;
    /**
     * The largest video (or other media) download accepted, in bytes. A larger body fails the exchange with
     * SoraApiException (code response_too_large) and leaves no file behind. The default, 4 GiB, is far above any
     * clip. Default: 4294967296.
     */
    private Long maxDownloadBytes;
    /**
     * The longest delay between two status requests of one job (also how late, at most, a failure is noticed). Set
     * it equal to pollDelay for a fixed interval. Default: 60s.
     */
    private Duration maxPollDelay;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc. Default: true.
     */
    private Boolean autowiredEnabled;
    /**
     * The TCP connect timeout of every request. Default: 30s.
     */
    private Duration connectTimeout;
    /**
     * Connections to the server, per base URL and key; requests beyond it wait in the pool without holding a thread.
     * Default: 20.
     */
    private Integer maxConnections;
    /**
     * The largest JSON or error response accepted, in bytes; larger ones fail before they are parsed. Default:
     * 8388608.
     */
    private Long maxResponseBytes;
    /**
     * The longest silence allowed while waiting for a response or reading its body. Default: 1m.
     */
    private Duration requestTimeout;
    /**
     * Threads on which routes continue after a job finishes (downloads are checked and moved there too). Jobs in
     * flight hold no thread. Default: 4.
     */
    private Integer workerPoolSize;
    /**
     * The most the jobs submitted in one UTC day may cost, in US dollars, estimated from the price table. A job that
     * would go past it is refused with SoraBudgetExceededException before anything is sent; jobs already submitted
     * go on. Not set: no limit.
     */
    private Double maxSpendPerDay;
    /**
     * Prices in US dollars per second of video that replace or extend the built-in Sora 2 list prices, written
     * model=usdPerSecond or model:WIDTHxHEIGHT=usdPerSecond separated by commas, e.g.
     * sora-2-pro:1280x720=0.25,veo-3=0.40,default=0.20 (default: any other model). They give the
     * CamelSoraEstimatedCost header and feed the component's maxSpendPerDay budget.
     */
    private String priceTable;
    /**
     * A Simple expression giving each message's idempotency key, e.g. ${header.orderId}. A redelivered or
     * re-consumed message with the same key resumes its job, or answers the video already delivered, instead of
     * paying for a new one. The header CamelSoraIdempotencyKey overrides it. Default: the JMSMessageID header, else
     * the file's absolute path, last-modified time and length, else the exchange id.
     */
    private String idempotencyKey;
    /**
     * Where jobs are recorded by idempotency key: InMemoryJobStore (the default), FileJobStore (one node, survives a
     * crash) or JdbcJobStore (nodes sharing a database). The name of a bean of type io.github.camelsora.job.JobStore:
     * myStore, #myStore or #bean:myStore (or see job-store-directory and job-store-data-source).
     */
    private String jobStore;
    /**
     * The most jobs in flight (from create to delivery) per base URL and key, shared by every endpoint using them;
     * further exchanges wait in FIFO order without holding a thread. 0: unlimited. Default: 0.
     */
    private Integer maxConcurrentJobs;
    /**
     * The most HTTP requests in any sliding minute per base URL and key, shared by every endpoint using them;
     * further requests wait in FIFO order without holding a thread. 0: unlimited. Default: 0.
     */
    private Integer maxRequestsPerMinute;
    /**
     * How many exchanges may wait for a job slot; beyond it an exchange fails at once with SoraRejectedException,
     * before anything is sent. Default: 1000.
     */
    private Integer maxWaitingJobs;
    /**
     * How many times a failed request is repeated (408, 409, 429, 5xx, I/O errors, interrupted downloads). A create
     * is only repeated once the server provably has no such job. Default: 5.
     */
    private Integer maxRetries;
    /**
     * The first backoff before a retry; it doubles with each retry (less up to 25% jitter) up to maxRetryDelay;
     * Retry-After-Ms or Retry-After from the server win. Default: 500ms.
     */
    private Duration retryDelay;
    /**
     * The longest backoff between two retries (a server's Retry-After may ask for longer). Default: 30s.
     */
    private Duration maxRetryDelay;
    /**
     * How many HTTP 429 answers without Retry-After in a row are taken for an exhausted quota (SoraQuotaException).
     * Default: 3.
     */
    private Integer quotaAfterRateLimits;
    /**
     * Used for enabling or disabling all consumer based health checks from this component Default: true.
     */
    private Boolean healthCheckConsumerEnabled;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true. Default: true.
     */
    private Boolean healthCheckProducerEnabled;
    /**
     * An HTTP forward proxy to reach the server through (https is tunnelled with CONNECT).
     */
    private String proxyHost;
    /**
     * The proxy's port.
     */
    private Integer proxyPort;
    /**
     * An OAuth access token (e.g. Microsoft Entra ID for Azure), sent as Authorization: Bearer instead of the API
     * key. Never logged.
     */
    private String accessToken;
    /**
     * Allow a plain http:// baseUrl to a host other than loopback. Off by default: over http the API key travels in
     * clear text. Loopback hosts (a local simulator or sidecar) are always allowed. Default: false.
     */
    private Boolean allowInsecureHttp;
    /**
     * Let the component fetch a reference image URL (to fit it, with inputReferenceFit crop or pad) from a loopback,
     * private or link-local address. Off by default: a URL from a message must not reach internal services (SSRF).
     * Such fetches are https only, at most 20 MiB, within 30 s, and trust the sslContextParameters. Default: false.
     */
    private Boolean allowInternalImageUrls;
    /**
     * The API key, sent as the provider's profile says: a bearer token for most, api-key (azure), x-goog-api-key
     * (gemini), Authorization: Key (fal), Basic (inworld); bedrock signs with AWS credentials instead. Sent only to
     * the provider's own origin. Never logged; use a property placeholder such as {{env:SORA_API_KEY}}.
     */
    private String apiKey;
    /**
     * The password for the proxy's Basic authentication.
     */
    private String proxyPassword;
    /**
     * The user for the proxy's Basic authentication.
     */
    private String proxyUsername;
    /**
     * TLS settings (trust store, key store, protocols) for the connection to the server, e.g. to trust a gateway's
     * private certificate authority. Without it the JDK's default trust applies. The name of a bean of type
     * SSLContextParameters: myTls, #myTls or #bean:myTls.
     */
    private String sslContextParameters;
    /**
     * The largest webhook request body accepted, in bytes; larger ones get 413 and never reach the route. Default:
     * 65536.
     */
    private Integer webhookMaxPayloadSize;
    /**
     * The signing secret of the webhook (whsec_ followed by base64, or plain text), required by sora:webhook for the
     * HMAC schemes (standard-webhooks, openrouter); fal's and none need none. Never logged; use a placeholder such
     * as {{env:SORA_WEBHOOK_SECRET}}.
     */
    private String webhookSecret;
    /**
     * How far the webhook-timestamp of a request may be from now, in either direction; older or newer requests are
     * rejected (a bound on replays). Default: 5m.
     */
    private Duration webhookTolerance;

    /** Whether the starter's customizer applies camel.component.sora.* to the component. */
    public static class Customizer {
        /**
         * Whether to apply camel.component.sora.* to the component when Camel creates it; false leaves the component
         * as Camel made it. Unset: camel.component.customizer.enabled, else true.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    public Customizer getCustomizer() {
        return customizer;
    }

    public String getJobStoreDirectory() {
        return jobStoreDirectory;
    }

    public void setJobStoreDirectory(String jobStoreDirectory) {
        this.jobStoreDirectory = jobStoreDirectory;
    }

    public String getJobStoreDataSource() {
        return jobStoreDataSource;
    }

    public void setJobStoreDataSource(String jobStoreDataSource) {
        this.jobStoreDataSource = jobStoreDataSource;
    }

    public String getJobStoreTable() {
        return jobStoreTable;
    }

    public void setJobStoreTable(String jobStoreTable) {
        this.jobStoreTable = jobStoreTable;
    }

    public boolean isJobStoreCreateTable() {
        return jobStoreCreateTable;
    }

    public void setJobStoreCreateTable(boolean jobStoreCreateTable) {
        this.jobStoreCreateTable = jobStoreCreateTable;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Boolean getAllowRetiredEndpoint() {
        return allowRetiredEndpoint;
    }

    public void setAllowRetiredEndpoint(Boolean allowRetiredEndpoint) {
        this.allowRetiredEndpoint = allowRetiredEndpoint;
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

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
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

    public Boolean getValidateRequests() {
        return validateRequests;
    }

    public void setValidateRequests(Boolean validateRequests) {
        this.validateRequests = validateRequests;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getDownload() {
        return download;
    }

    public void setDownload(Boolean download) {
        this.download = download;
    }

    public Boolean getFetchVideo() {
        return fetchVideo;
    }

    public void setFetchVideo(Boolean fetchVideo) {
        this.fetchVideo = fetchVideo;
    }

    public Boolean getForwardTrackedEvents() {
        return forwardTrackedEvents;
    }

    public void setForwardTrackedEvents(Boolean forwardTrackedEvents) {
        this.forwardTrackedEvents = forwardTrackedEvents;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getHttpServerComponent() {
        return httpServerComponent;
    }

    public void setHttpServerComponent(String httpServerComponent) {
        this.httpServerComponent = httpServerComponent;
    }

    public String getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(String idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public Boolean getAutoPaginate() {
        return autoPaginate;
    }

    public void setAutoPaginate(Boolean autoPaginate) {
        this.autoPaginate = autoPaginate;
    }

    public String getCharacterName() {
        return characterName;
    }

    public void setCharacterName(String characterName) {
        this.characterName = characterName;
    }

    public String getCharacters() {
        return characters;
    }

    public void setCharacters(String characters) {
        this.characters = characters;
    }

    public String getCompletion() {
        return completion;
    }

    public void setCompletion(String completion) {
        this.completion = completion;
    }

    public Boolean getDeleteAfterDownload() {
        return deleteAfterDownload;
    }

    public void setDeleteAfterDownload(Boolean deleteAfterDownload) {
        this.deleteAfterDownload = deleteAfterDownload;
    }

    public String getInputReference() {
        return inputReference;
    }

    public void setInputReference(String inputReference) {
        this.inputReference = inputReference;
    }

    public String getInputReferenceFit() {
        return inputReferenceFit;
    }

    public void setInputReferenceFit(String inputReferenceFit) {
        this.inputReferenceFit = inputReferenceFit;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
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

    public Duration getSafetyPollDelay() {
        return safetyPollDelay;
    }

    public void setSafetyPollDelay(Duration safetyPollDelay) {
        this.safetyPollDelay = safetyPollDelay;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public String getVariant() {
        return variant;
    }

    public void setVariant(String variant) {
        this.variant = variant;
    }

    public String getVariants() {
        return variants;
    }

    public void setVariants(String variants) {
        this.variants = variants;
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

    public Duration getMaxPollDelay() {
        return maxPollDelay;
    }

    public void setMaxPollDelay(Duration maxPollDelay) {
        this.maxPollDelay = maxPollDelay;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Long getMaxResponseBytes() {
        return maxResponseBytes;
    }

    public void setMaxResponseBytes(Long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Integer getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(Integer workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public Double getMaxSpendPerDay() {
        return maxSpendPerDay;
    }

    public void setMaxSpendPerDay(Double maxSpendPerDay) {
        this.maxSpendPerDay = maxSpendPerDay;
    }

    public String getPriceTable() {
        return priceTable;
    }

    public void setPriceTable(String priceTable) {
        this.priceTable = priceTable;
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

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public Boolean getAllowInternalImageUrls() {
        return allowInternalImageUrls;
    }

    public void setAllowInternalImageUrls(Boolean allowInternalImageUrls) {
        this.allowInternalImageUrls = allowInternalImageUrls;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(String sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Integer getWebhookMaxPayloadSize() {
        return webhookMaxPayloadSize;
    }

    public void setWebhookMaxPayloadSize(Integer webhookMaxPayloadSize) {
        this.webhookMaxPayloadSize = webhookMaxPayloadSize;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public Duration getWebhookTolerance() {
        return webhookTolerance;
    }

    public void setWebhookTolerance(Duration webhookTolerance) {
        this.webhookTolerance = webhookTolerance;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getJobStore() {
        return jobStore;
    }

    public void setJobStore(String jobStore) {
        this.jobStore = jobStore;
    }

    public Integer getMaxConcurrentJobs() {
        return maxConcurrentJobs;
    }

    public void setMaxConcurrentJobs(Integer maxConcurrentJobs) {
        this.maxConcurrentJobs = maxConcurrentJobs;
    }

    public Integer getMaxRequestsPerMinute() {
        return maxRequestsPerMinute;
    }

    public void setMaxRequestsPerMinute(Integer maxRequestsPerMinute) {
        this.maxRequestsPerMinute = maxRequestsPerMinute;
    }

    public Integer getMaxWaitingJobs() {
        return maxWaitingJobs;
    }

    public void setMaxWaitingJobs(Integer maxWaitingJobs) {
        this.maxWaitingJobs = maxWaitingJobs;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(Duration maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public Integer getQuotaAfterRateLimits() {
        return quotaAfterRateLimits;
    }

    public void setQuotaAfterRateLimits(Integer quotaAfterRateLimits) {
        this.quotaAfterRateLimits = quotaAfterRateLimits;
    }

    public String getWebhookScheme() {
        return webhookScheme;
    }

    public void setWebhookScheme(String webhookScheme) {
        this.webhookScheme = webhookScheme;
    }

    public String getWebhookJwksUrl() {
        return webhookJwksUrl;
    }

    public void setWebhookJwksUrl(String webhookJwksUrl) {
        this.webhookJwksUrl = webhookJwksUrl;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }

    public Boolean getAllowInternalProviderUrls() {
        return allowInternalProviderUrls;
    }

    public void setAllowInternalProviderUrls(Boolean allowInternalProviderUrls) {
        this.allowInternalProviderUrls = allowInternalProviderUrls;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public Boolean getDownloadResult() {
        return downloadResult;
    }

    public void setDownloadResult(Boolean downloadResult) {
        this.downloadResult = downloadResult;
    }

    public String getGenerateAudio() {
        return generateAudio;
    }

    public void setGenerateAudio(String generateAudio) {
        this.generateAudio = generateAudio;
    }

    public String getNegativePrompt() {
        return negativePrompt;
    }

    public void setNegativePrompt(String negativePrompt) {
        this.negativePrompt = negativePrompt;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public String getStorageUri() {
        return storageUri;
    }

    public void setStorageUri(String storageUri) {
        this.storageUri = storageUri;
    }

    public String getStorageEndpoint() {
        return storageEndpoint;
    }

    public void setStorageEndpoint(String storageEndpoint) {
        this.storageEndpoint = storageEndpoint;
    }

    public String getAccessKeyId() {
        return accessKeyId;
    }

    public void setAccessKeyId(String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    public String getAwsProfile() {
        return awsProfile;
    }

    public void setAwsProfile(String awsProfile) {
        this.awsProfile = awsProfile;
    }

    public String getSecretAccessKey() {
        return secretAccessKey;
    }

    public void setSecretAccessKey(String secretAccessKey) {
        this.secretAccessKey = secretAccessKey;
    }
    public String getAspectRatio() {
        return aspectRatio;
    }

    public void setAspectRatio(String aspectRatio) {
        this.aspectRatio = aspectRatio;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public java.util.Map<String, Object> getProviderOptions() {
        return providerOptions;
    }

    public void setProviderOptions(java.util.Map<String, Object> providerOptions) {
        this.providerOptions = providerOptions;
    }

    public String getLastFrame() {
        return lastFrame;
    }

    public void setLastFrame(String lastFrame) {
        this.lastFrame = lastFrame;
    }

    public String getReferenceImages() {
        return referenceImages;
    }

    public void setReferenceImages(String referenceImages) {
        this.referenceImages = referenceImages;
    }
}
