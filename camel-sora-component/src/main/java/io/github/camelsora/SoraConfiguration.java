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

import io.github.camelsora.api.TransportSettings;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/** Options shared by the component (defaults for all endpoints) and each endpoint. */
@UriParams
@Configurer
public class SoraConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(label = "common")
    private String baseUrl;
    @UriParam(label = "common", defaultValue = "sora-2")
    private String model = "sora-2";
    @UriParam(label = "common", defaultValue = "4")
    private String seconds = "4";
    @UriParam(label = "common", defaultValue = "720x1280")
    private String size = "720x1280";
    @UriParam(label = "producer")
    private String outputDirectory;
    @UriParam(label = "producer", defaultValue = "10000", javaType = "java.time.Duration")
    private long pollDelay = 10000;
    @UriParam(label = "producer,advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long maxPollDelay = 60000;
    @UriParam(label = "producer", defaultValue = "1800000", javaType = "java.time.Duration")
    private long timeout = 1_800_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long connectTimeout = 30_000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long requestTimeout = 60_000;
    @UriParam(label = "advanced", defaultValue = "20")
    private int maxConnections = 20;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "security", defaultValue = "false")
    private boolean allowInsecureHttp;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "proxy,security", secret = true)
    private String proxyUsername;
    @UriParam(label = "proxy,security", secret = true)
    private String proxyPassword;
    @UriParam(label = "producer,advanced", defaultValue = "4294967296")
    private long maxDownloadBytes = TransportSettings.DEFAULT_MAX_DOWNLOAD_BYTES;
    @UriParam(label = "advanced", defaultValue = "8388608")
    private long maxResponseBytes = TransportSettings.DEFAULT_MAX_RESPONSE_BYTES;
    @UriParam(label = "producer,advanced", defaultValue = "1800000", javaType = "java.time.Duration")
    private long downloadTimeout = 1_800_000;
    @UriParam(label = "common", defaultValue = "openai",
              enums = "openai,azure,cometapi,litellm,sglang,vllm,openrouter,merge,newapi,bifrost,inworld,custom,gemini,"
                      + "vertex,bedrock,fal,replicate,byteplus")
    private String provider = "openai";
    @UriParam(label = "producer")
    private String aspectRatio;
    @UriParam(label = "producer")
    private String resolution;
    @UriParam(label = "producer")
    private String negativePrompt;
    @UriParam(label = "producer")
    private Long seed;
    @UriParam(label = "producer", enums = "true,false")
    private String generateAudio;
    @UriParam(label = "producer", prefix = "providerOptions.", multiValue = true)
    private java.util.Map<String, Object> providerOptions;
    @UriParam(label = "producer")
    private String storageUri;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean downloadResult = true;
    @UriParam(label = "common")
    private String region;
    @UriParam(label = "security")
    private String awsProfile;
    @UriParam(label = "security", secret = true)
    private String accessKeyId;
    @UriParam(label = "security", secret = true)
    private String secretAccessKey;
    @UriParam(label = "advanced")
    private String storageEndpoint;
    @UriParam(label = "security", secret = true)
    private String accessToken;
    @UriParam(label = "common", defaultValue = "false")
    private boolean allowRetiredEndpoint;
    @UriParam(label = "common", defaultValue = "true")
    private boolean validateRequests = true;
    @UriParam(label = "producer")
    private String inputReference;
    @UriParam(label = "producer", defaultValue = "reject", enums = "reject,crop,pad")
    private String inputReferenceFit = "reject";
    @UriParam(label = "producer")
    private String lastFrame;
    @UriParam(label = "producer")
    private String referenceImages;
    @UriParam(label = "producer,security", defaultValue = "false")
    private boolean allowInternalImageUrls;
    @UriParam(label = "producer")
    private String characters;
    @UriParam(label = "producer", defaultValue = "video", enums = "video,thumbnail,spritesheet")
    private String variant = "video";
    @UriParam(label = "producer")
    private String variants;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean deleteAfterDownload;
    @UriParam(label = "producer")
    private String after;
    @UriParam(label = "producer")
    private Integer limit;
    @UriParam(label = "producer", enums = "asc,desc")
    private String order;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean autoPaginate;
    @UriParam(label = "producer")
    private String characterName;
    @UriParam(label = "producer", defaultValue = "auto", enums = "poll,webhook,auto")
    private SoraCompletion completion = SoraCompletion.auto;
    @UriParam(label = "producer", defaultValue = "300000", javaType = "java.time.Duration")
    private long safetyPollDelay = 300_000;
    @UriParam(label = "consumer,security", secret = true)
    private String webhookSecret;
    @UriParam(label = "consumer", defaultValue = "/sora/webhook")
    private String webhookPath = "/sora/webhook";
    @UriParam(label = "consumer,security", defaultValue = "300000", javaType = "java.time.Duration")
    private long webhookTolerance = 300_000;
    @UriParam(label = "consumer,security", defaultValue = "65536")
    private int webhookMaxPayloadSize = 65536;
    @UriParam(label = "consumer,advanced")
    private String httpServerComponent;
    @UriParam(label = "consumer,security", enums = "standard-webhooks,fal,openrouter,none")
    private String webhookScheme;
    @UriParam(label = "consumer,security", defaultValue = "https://rest.fal.ai/.well-known/jwks.json")
    private String webhookJwksUrl = "https://rest.fal.ai/.well-known/jwks.json";
    @UriParam(label = "producer")
    private String callbackUrl;
    @UriParam(label = "security", defaultValue = "false")
    private boolean allowInternalProviderUrls;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean fetchVideo = true;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean forwardTrackedEvents;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean download;
    @UriParam(label = "consumer,advanced")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer", defaultValue = "100")
    private int pageSize = 100;
    @UriParam(label = "cost")
    private String priceTable;
    @UriParam(label = "producer")
    private String idempotencyKey;
    @UriParam(label = "producer,advanced")
    private io.github.camelsora.job.JobStore jobStore;
    @UriParam(label = "producer", defaultValue = "0")
    private int maxConcurrentJobs;
    @UriParam(label = "producer", defaultValue = "0")
    private int maxRequestsPerMinute;
    @UriParam(label = "producer,advanced", defaultValue = "1000")
    private int maxWaitingJobs = 1000;
    @UriParam(label = "producer,advanced", defaultValue = "5")
    private int maxRetries = 5;
    @UriParam(label = "producer,advanced", defaultValue = "500", javaType = "java.time.Duration")
    private long retryDelay = 500;
    @UriParam(label = "producer,advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long maxRetryDelay = 30_000;
    @UriParam(label = "producer,advanced", defaultValue = "3")
    private int quotaAfterRateLimits = 3;

    public String getApiKey() {
        return apiKey;
    }

    /**
     * The API key, sent as the provider's profile says: a bearer token for most, api-key (azure), x-goog-api-key
     * (gemini), Authorization: Key (fal), Basic (inworld); bedrock signs with AWS credentials instead. Sent only to
     * the provider's own origin. Never logged; use a property placeholder such as {{env:SORA_API_KEY}} rather than
     * writing it into a route.
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The provider's base URL, up to and including its version segment, e.g. https://my-gateway.example.com/v1.
     * Defaults to the provider's (none for azure, custom, newapi and vertex, which need it: vertex's names the
     * project and location). OpenAI's own endpoint was shut down on 2026-09-24 and Azure's sora-2 on 2026-10-15:
     * with those profiles, point it at a server that copies their dialect (or the simulator).
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getModel() {
        return model;
    }

    /**
     * The model to render with, e.g. sora-2 or sora-2-pro. Known models have their sizes and
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
     * The directory the videos are downloaded to, as videoId.mp4 (the job's id); created if missing. Defaults to
     * camel-sora under the system temporary directory.
     */
    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public long getPollDelay() {
        return pollDelay;
    }

    /**
     * The delay before the first status request; it doubles while the job reports no progress. Once progress moves,
     * the delays aim at the job's estimated completion (at least 1 s apart, or pollDelay if shorter), never shorter
     * than the server's openai-poll-after-ms hint, up to maxPollDelay. Equal to maxPollDelay, the interval is fixed.
     */
    public void setPollDelay(long pollDelay) {
        this.pollDelay = pollDelay;
    }

    public long getMaxPollDelay() {
        return maxPollDelay;
    }

    /**
     * The longest delay between two status requests of one job (also how late, at most, a failure is noticed). Set
     * it equal to pollDelay for a fixed interval.
     */
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

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS settings (trust store, key store, protocols) for the connection to the server, e.g. to trust a gateway's
     * private certificate authority. Without it the JDK's default trust applies.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    /**
     * Allow a plain http:// baseUrl to a host other than loopback. Off by default: over http the API key
     * travels in clear text. Loopback hosts (a local simulator or sidecar) are always allowed.
     */
    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /** An HTTP forward proxy to reach the server through (https is tunnelled with CONNECT). */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /** The proxy's port. */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    /** The user for the proxy's Basic authentication. */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    /** The password for the proxy's Basic authentication. */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public long getMaxDownloadBytes() {
        return maxDownloadBytes;
    }

    /**
     * The largest video (or other media) download accepted, in bytes. A larger body fails the exchange with
     * SoraApiException (code response_too_large) and leaves no file behind. The default, 4 GiB, is far above any clip.
     */
    public void setMaxDownloadBytes(long maxDownloadBytes) {
        this.maxDownloadBytes = maxDownloadBytes;
    }

    public long getMaxResponseBytes() {
        return maxResponseBytes;
    }

    /** The largest JSON or error response accepted, in bytes; larger ones fail before they are parsed. */
    public void setMaxResponseBytes(long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    public long getDownloadTimeout() {
        return downloadTimeout;
    }

    /**
     * The longest a whole download may take, however steadily the bytes arrive (requestTimeout only bounds the
     * silence between them). When it passes, the download fails and leaves no file behind.
     */
    public void setDownloadTimeout(long downloadTimeout) {
        this.downloadTimeout = downloadTimeout;
    }

    public String getProvider() {
        return provider;
    }

    /**
     * The kind of server, a profile of data (docs/providers.md). Live servers of the /v1/videos job protocol:
     * cometapi, litellm, sglang, vllm (vLLM-Omni), openrouter, merge, newapi, bifrost, inworld or custom; openai
     * (retired 2026-09-24) and azure (sora-2 retired 2026-10-15) fail at start at their own hosts. Native job APIs:
     * gemini (Veo through the Gemini API), vertex (Veo on Vertex AI; baseUrl names project and location), bedrock
     * (Amazon Bedrock async invoke: Nova Reel, Luma Ray2; needs the camel-sora-aws artifact); model marketplaces: fal
     * (queue.fal.run), replicate (predictions) or byteplus (ModelArk content generation tasks, Seedance). Decides the
     * protocol and its dialect (status words, how a create is shaped, where the result and the reported cost are), the
     * default base URL, how the key is sent, which operations exist, which models, sizes and seconds are checked, and
     * how callbacks are signed.
     */
    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getStorageUri() {
        return storageUri;
    }

    /**
     * Where the provider writes the result in cloud storage: vertex (gs://bucket/prefix/, optional; the video is then
     * read from there) and bedrock (s3://bucket/prefix, required: Bedrock only writes to S3); refused before
     * anything is sent by the others.
     */
    public void setStorageUri(String storageUri) {
        this.storageUri = storageUri;
    }

    public boolean isDownloadResult() {
        return downloadResult;
    }

    /**
     * generate: false leaves the result where the provider wrote it (its storageUri: an s3:// or gs:// location) and
     * answers with that location in header CamelSoraOutputUri (and as the body) instead of downloading the MP4, so a
     * route can hand it to aws2-s3 or google-storage without moving the bytes twice. Needs a provider that writes to
     * storage (vertex, bedrock) and storageUri.
     */
    public void setDownloadResult(boolean downloadResult) {
        this.downloadResult = downloadResult;
    }

    public String getRegion() {
        return region;
    }

    /** bedrock: the AWS region, e.g. us-east-1 (default: the region of baseUrl, else us-east-1). */
    public void setRegion(String region) {
        this.region = region;
    }

    public String getAwsProfile() {
        return awsProfile;
    }

    /** bedrock: the AWS credentials profile to use instead of the default credentials provider chain. */
    public void setAwsProfile(String awsProfile) {
        this.awsProfile = awsProfile;
    }

    public String getAccessKeyId() {
        return accessKeyId;
    }

    /** bedrock: an AWS access key id (with secretAccessKey) instead of the default credentials provider chain. */
    public void setAccessKeyId(String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    public String getSecretAccessKey() {
        return secretAccessKey;
    }

    /** bedrock: the AWS secret access key that goes with accessKeyId. Never logged. */
    public void setSecretAccessKey(String secretAccessKey) {
        this.secretAccessKey = secretAccessKey;
    }

    public String getStorageEndpoint() {
        return storageEndpoint;
    }

    /**
     * bedrock: the endpoint of the object store the result is read from, when it is not AWS's S3 (an S3-compatible
     * store in tests); path-style addressing is used then.
     */
    public void setStorageEndpoint(String storageEndpoint) {
        this.storageEndpoint = storageEndpoint;
    }

    public String getAccessToken() {
        return accessToken;
    }

    /**
     * An OAuth access token (e.g. Microsoft Entra ID for Azure), sent as Authorization: Bearer instead of the API
     * key. Never logged.
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public boolean isAllowRetiredEndpoint() {
        return allowRetiredEndpoint;
    }

    /**
     * Allow calls to an endpoint its provider has retired (OpenAI's own, since 2026-09-24). Off by default: the
     * route then fails at start with an exception naming the alternatives.
     */
    public void setAllowRetiredEndpoint(boolean allowRetiredEndpoint) {
        this.allowRetiredEndpoint = allowRetiredEndpoint;
    }

    public boolean isValidateRequests() {
        return validateRequests;
    }

    /**
     * Check requests against the provider's capability table before sending: known models strictly (sizes,
     * seconds), unknown models pass through with a warning, missing operations are refused. Off: everything is
     * sent as given and the server decides.
     */
    public void setValidateRequests(boolean validateRequests) {
        this.validateRequests = validateRequests;
    }

    public String getInputReference() {
        return inputReference;
    }

    /**
     * The reference image of generate/create: a file path (uploaded as multipart), a file id (file-...) or
     * an https image URL (both sent in the JSON object form). Header CamelSoraInputReference overrides it.
     */
    public void setInputReference(String inputReference) {
        this.inputReference = inputReference;
    }

    public String getLastFrame() {
        return lastFrame;
    }

    /**
     * The image the video ends on (inputReference is the one it starts from), for providers that take a last frame
     * (CometAPI: a second ordered input_reference file; OpenRouter: frame_images last_frame); a file path or an https
     * image URL, checked and fitted like inputReference. Header CamelSoraLastFrame overrides it. Refused before
     * anything is sent by a provider without it.
     */
    public void setLastFrame(String lastFrame) {
        this.lastFrame = lastFrame;
    }

    public String getReferenceImages() {
        return referenceImages;
    }

    /**
     * Reference images for style or content (not frames), comma-separated file paths or https URLs (at most 4), for
     * providers that take them (OpenRouter: input_references). Header CamelSoraReferenceImages overrides it. Refused
     * before anything is sent by a provider without them.
     */
    public void setReferenceImages(String referenceImages) {
        this.referenceImages = referenceImages;
    }

    public String getInputReferenceFit() {
        return inputReferenceFit;
    }

    /**
     * What to do with a reference image whose size is not the video's: reject (the default: a clear error before
     * anything is billed), crop (scale to cover, cut evenly) or pad (scale to fit, black bars). Only uploaded
     * images can be checked and fitted.
     */
    public void setInputReferenceFit(String inputReferenceFit) {
        this.inputReferenceFit = inputReferenceFit;
    }

    public String getAspectRatio() {
        return aspectRatio;
    }

    /**
     * The aspect ratio, e.g. 16:9 or 9:16 (also written 16x9; sent as 16:9), for providers that take one
     * (OpenRouter, CometAPI's orientation hint, custom, Veo on Gemini and Vertex, fal, Replicate, BytePlus); refused
     * before anything is sent by a provider that does not. Without it, a provider that needs one gets the ratio of
     * size.
     */
    public void setAspectRatio(String aspectRatio) {
        this.aspectRatio = aspectRatio;
    }

    public String getResolution() {
        return resolution;
    }

    /**
     * The resolution label, e.g. 720p or 1080p, for providers that take one (OpenRouter, custom, Veo on Gemini and
     * Vertex, fal, Replicate, BytePlus); without it, such a provider gets the shorter side of size (1280x720 is
     * 720p). Refused before anything is sent by a provider that has none.
     */
    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public String getNegativePrompt() {
        return negativePrompt;
    }

    /**
     * What the video should not show, for providers that take a negative prompt (vLLM-Omni, custom, Veo on Gemini and
     * Vertex, fal and Replicate models); refused before anything is sent by a provider that has none. Header
     * CamelSoraNegativePrompt overrides it.
     */
    public void setNegativePrompt(String negativePrompt) {
        this.negativePrompt = negativePrompt;
    }

    public Long getSeed() {
        return seed;
    }

    /**
     * The sampler's seed, for repeatable renders where the provider takes one (OpenRouter, LiteLLM, SGLang,
     * vLLM-Omni, custom, Vertex, Bedrock Nova Reel, fal, Replicate, BytePlus); refused before anything is sent by the
     * others (the Gemini API among them).
     */
    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public String getGenerateAudio() {
        return generateAudio;
    }

    /**
     * Whether the model renders a soundtrack (true or false), where the provider offers the choice (OpenRouter,
     * vLLM-Omni, custom, Vertex, fal, Replicate, BytePlus); unset, nothing is sent and the provider's default
     * applies.
     */
    public void setGenerateAudio(String generateAudio) {
        this.generateAudio = generateAudio;
    }

    public java.util.Map<String, Object> getProviderOptions() {
        return providerOptions;
    }

    /**
     * Provider fields sent with each create as they are, written providerOptions.name=value (e.g.
     * providerOptions.fps=16 for vLLM-Omni, providerOptions.provider={"options":{...}} for OpenRouter, a model's own
     * input fields for fal, Replicate and BytePlus, Veo parameters such as personGeneration); numbers, booleans and
     * JSON object or array text are sent as such. They win over the fields the component sets; a field set to null
     * (header as a Map) is left out. Header CamelSoraProviderOptions (a Map or a JSON object text) is merged over it.
     */
    public void setProviderOptions(java.util.Map<String, Object> providerOptions) {
        this.providerOptions = providerOptions;
    }

    public boolean isAllowInternalImageUrls() {
        return allowInternalImageUrls;
    }

    /**
     * Let the component fetch a reference image URL (to fit it, with inputReferenceFit crop or pad) from a loopback,
     * private or link-local address. Off by default: a URL from a message must not reach internal services (SSRF).
     * Such fetches are https only, at most 20 MiB, within 30 s, and trust the sslContextParameters.
     */
    public void setAllowInternalImageUrls(boolean allowInternalImageUrls) {
        this.allowInternalImageUrls = allowInternalImageUrls;
    }

    public String getCharacters() {
        return characters;
    }

    /**
     * Character ids (comma-separated, at most 2) to use in create/generate. The id alone is not enough: put each
     * character's name in the prompt yourself.
     */
    public void setCharacters(String characters) {
        this.characters = characters;
    }

    public String getVariant() {
        return variant;
    }

    /** What download fetches: video (MP4), thumbnail (WebP) or spritesheet (JPEG). */
    public void setVariant(String variant) {
        this.variant = variant;
    }

    public String getVariants() {
        return variants;
    }

    /**
     * Extra assets generate fetches after the video: thumbnail and/or spritesheet, comma-separated. Their files are
     * in header CamelSoraVariantFiles.
     */
    public void setVariants(String variants) {
        this.variants = variants;
    }

    public boolean isDeleteAfterDownload() {
        return deleteAfterDownload;
    }

    /**
     * Delete the video on the server once generate has saved everything. A failed delete is logged and reported in
     * header CamelSoraDeleted, never failing the exchange (the files are safe).
     */
    public void setDeleteAfterDownload(boolean deleteAfterDownload) {
        this.deleteAfterDownload = deleteAfterDownload;
    }

    public String getAfter() {
        return after;
    }

    /** List: start after this video id. */
    public void setAfter(String after) {
        this.after = after;
    }

    public Integer getLimit() {
        return limit;
    }

    /** List: the page size, 1..100 (server default 20). */
    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public String getOrder() {
        return order;
    }

    /** List: asc or desc by creation time (server default desc). */
    public void setOrder(String order) {
        this.order = order;
    }

    public boolean isAutoPaginate() {
        return autoPaginate;
    }

    /** List: follow has_more and answer every video, not just one page. */
    public void setAutoPaginate(boolean autoPaginate) {
        this.autoPaginate = autoPaginate;
    }

    public String getCharacterName() {
        return characterName;
    }

    /** The name of the character createCharacter creates (1..80 characters). */
    public void setCharacterName(String characterName) {
        this.characterName = characterName;
    }

    public SoraCompletion getCompletion() {
        return completion;
    }

    /**
     * How generate learns that a job finished: poll (status requests on an adaptive schedule), webhook (the job's
     * event, received by a sora:webhook consumer in the same Camel context, triggers one read of the job, which completes it;
     * a status request every safetyPollDelay covers a lost event), or auto (webhook while a sora:webhook consumer
     * runs in the Camel context, else poll).
     */
    public void setCompletion(SoraCompletion completion) {
        this.completion = completion;
    }

    public long getSafetyPollDelay() {
        return safetyPollDelay;
    }

    /**
     * With webhook completion, the delay between two status requests of a job whose event has not arrived: a safety
     * net for a lost or undeliverable event, so keep it long (jobs usually finish before the first one).
     */
    public void setSafetyPollDelay(long safetyPollDelay) {
        this.safetyPollDelay = safetyPollDelay;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    /**
     * The signing secret of the webhook (whsec_ followed by base64, or plain text), required by sora:webhook for the
     * HMAC schemes (standard-webhooks: every request must carry a valid Standard Webhooks signature made with it;
     * openrouter: its X-OpenRouter-Signature); fal's scheme checks public keys and none has nothing to check, so
     * they need no secret. Never logged; use a placeholder such as {{env:SORA_WEBHOOK_SECRET}}.
     */
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    /** The HTTP path sora:webhook serves (POST), on the platform-http server of the runtime. */
    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public long getWebhookTolerance() {
        return webhookTolerance;
    }

    /**
     * How far the webhook-timestamp of a request may be from now, in either direction; older or newer requests are
     * rejected (a bound on replays).
     */
    public void setWebhookTolerance(long webhookTolerance) {
        this.webhookTolerance = webhookTolerance;
    }

    public int getWebhookMaxPayloadSize() {
        return webhookMaxPayloadSize;
    }

    /** The largest webhook request body accepted, in bytes; larger ones get 413 and never reach the route. */
    public void setWebhookMaxPayloadSize(int webhookMaxPayloadSize) {
        this.webhookMaxPayloadSize = webhookMaxPayloadSize;
    }

    public String getHttpServerComponent() {
        return httpServerComponent;
    }

    /**
     * The component that serves sora:webhook, a RestConsumerFactory such as platform-http. By default the one of the
     * rest configuration, else platform-http, else the only one in the Camel context.
     */
    public void setHttpServerComponent(String httpServerComponent) {
        this.httpServerComponent = httpServerComponent;
    }

    public String getWebhookScheme() {
        return webhookScheme;
    }

    /**
     * How sora:webhook authenticates callbacks: standard-webhooks (OpenAI, Replicate: webhook-id, webhook-timestamp,
     * webhook-signature with webhookSecret), fal (an ED25519 signature checked against fal's published key set,
     * webhookJwksUrl; no secret), openrouter (X-OpenRouter-Signature: t=..,v1=hex HMAC-SHA256, with webhookSecret), or
     * none (providers whose callbacks carry no signature, such as BytePlus: a callback
     * then only makes the component read the job again from the provider, and only that reading reaches a route).
     * Not set: the provider's scheme (standard-webhooks unless the provider says otherwise).
     */
    public void setWebhookScheme(String webhookScheme) {
        this.webhookScheme = webhookScheme;
    }

    public String getWebhookJwksUrl() {
        return webhookJwksUrl;
    }

    /**
     * Where webhookScheme=fal finds fal's public keys (a JSON Web Key Set). Fetched under the safe-fetch rules (https,
     * public addresses unless allowInternalProviderUrls, size cap), kept for 24 hours and fetched again early when a
     * signature matches no key.
     */
    public void setWebhookJwksUrl(String webhookJwksUrl) {
        this.webhookJwksUrl = webhookJwksUrl;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    /**
     * The public URL of your sora:webhook, sent with each new job to providers that take one per job (fal's webhook
     * URL, Replicate's webhook with the events filter completed, BytePlus' callback_url), so that the job's callback
     * ends the wait at once (completion=webhook or auto). Providers configured elsewhere (OpenAI's dashboard) ignore it.
     */
    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }

    public boolean isAllowInternalProviderUrls() {
        return allowInternalProviderUrls;
    }

    /**
     * Let the component fetch URLs a provider names (a result a job names by URL on another host, such as CometAPI's
     * video_url or a marketplace's output file; fal's webhook key set) over plain http and from loopback, private or
     * link-local addresses: for a local simulator or an intranet mirror. Off by default: a URL a server returns must
     * not reach internal services, so such URLs are fetched over https from public addresses only. They never carry
     * the API key (unless the provider documents authenticated result URLs on its own origin), are capped by
     * maxDownloadBytes and downloadTimeout, and follow at most 3 redirects, each checked like the first URL.
     */
    public void setAllowInternalProviderUrls(boolean allowInternalProviderUrls) {
        this.allowInternalProviderUrls = allowInternalProviderUrls;
    }

    public boolean isFetchVideo() {
        return fetchVideo;
    }

    /**
     * Whether sora:webhook fetches the job an event is about (GET /videos/{id}) and makes it the body; false: the
     * body is the event JSON as received, and no request is made.
     */
    public void setFetchVideo(boolean fetchVideo) {
        this.fetchVideo = fetchVideo;
    }

    public boolean isForwardTrackedEvents() {
        return forwardTrackedEvents;
    }

    /**
     * Whether an event that completed a sora:generate exchange waiting in this Camel context also runs the
     * sora:webhook route. By default it does not: that exchange already carries the video.
     */
    public void setForwardTrackedEvents(boolean forwardTrackedEvents) {
        this.forwardTrackedEvents = forwardTrackedEvents;
    }

    public boolean isDownload() {
        return download;
    }

    /**
     * Whether the consumers download the MP4 of a completed job to outputDirectory and make the file the body
     * (CamelFileName set to videoId.mp4); failed jobs keep the job as body.
     */
    public void setDownload(boolean download) {
        this.download = download;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Remembers what the consumers delivered: webhook-ids for sora:webhook (a redelivered event runs the route
     * once), video ids for sora:videos (each finished job is emitted once). By default an in-memory repository of
     * 1000 entries per consumer; use a persistent or shared one (JDBC, Redis, Infinispan...) to survive restarts or
     * to share across nodes.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getPageSize() {
        return pageSize;
    }

    /** How many jobs sora:videos asks for per list request (1..100); it follows pages until the last. */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public String getPriceTable() {
        return priceTable;
    }

    /**
     * Prices in US dollars per second of video that replace or extend the built-in Sora 2 list prices, written
     * model=usdPerSecond or model:WIDTHxHEIGHT=usdPerSecond separated by commas, e.g.
     * sora-2-pro:1280x720=0.25,veo-3=0.40,default=0.20 (default: any other model). They give the
     * CamelSoraEstimatedCost header and feed the component's maxSpendPerDay budget.
     */
    public void setPriceTable(String priceTable) {
        this.priceTable = priceTable;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    /**
     * A Simple expression giving each message's idempotency key, e.g. ${header.orderId}. A redelivered or
     * re-consumed message with the same key resumes its job, or answers the video already delivered, instead of
     * paying for a new one. The header CamelSoraIdempotencyKey overrides it. Default: the JMSMessageID header, else
     * the file's absolute path, last-modified time and length (file and ftp consumers), else the exchange id (which
     * covers Camel's own redeliveries only).
     */
    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public io.github.camelsora.job.JobStore getJobStore() {
        return jobStore;
    }

    /**
     * Where jobs are recorded by idempotency key (io.github.camelsora.job.JobStore): InMemoryJobStore (the default,
     * one per component: survives redelivery, not a restart), FileJobStore (one node, survives a crash) or
     * JdbcJobStore (nodes sharing a database).
     */
    public void setJobStore(io.github.camelsora.job.JobStore jobStore) {
        this.jobStore = jobStore;
    }

    public int getMaxConcurrentJobs() {
        return maxConcurrentJobs;
    }

    /**
     * The most jobs in flight (from create to delivery) per base URL and key, shared by every endpoint using them;
     * further exchanges wait in FIFO order without holding a thread. 0: unlimited. Every endpoint of one base URL
     * and key must set the same limits (else it fails at start); set them on the component to share them.
     */
    public void setMaxConcurrentJobs(int maxConcurrentJobs) {
        this.maxConcurrentJobs = maxConcurrentJobs;
    }

    public int getMaxRequestsPerMinute() {
        return maxRequestsPerMinute;
    }

    /**
     * The most HTTP requests (of every operation: creates, status requests, downloads, lists, deletes...) in any
     * sliding minute per base URL and key, shared by every endpoint using them; further requests wait in FIFO order
     * without holding a thread. 0: unlimited. Every endpoint of one base URL and key must set the same limits.
     */
    public void setMaxRequestsPerMinute(int maxRequestsPerMinute) {
        this.maxRequestsPerMinute = maxRequestsPerMinute;
    }

    public int getMaxWaitingJobs() {
        return maxWaitingJobs;
    }

    /**
     * How many exchanges may wait for a job slot (see maxConcurrentJobs); beyond it an exchange fails at once with
     * SoraRejectedException, before anything is sent. Every endpoint of one base URL and key must set the same
     * limits.
     */
    public void setMaxWaitingJobs(int maxWaitingJobs) {
        this.maxWaitingJobs = maxWaitingJobs;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times a failed request is repeated (408, 409, 429, 5xx, I/O errors, interrupted downloads). A create
     * is only repeated once the server provably has no such job. Status requests are repeated until the timeout.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    /**
     * The first backoff before a retry; it doubles with each retry (less up to 25% jitter) up to maxRetryDelay. A
     * Retry-After-Ms or Retry-After header from the server is used instead when present.
     */
    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    /** The longest backoff between two retries (a server's Retry-After may ask for longer). */
    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public int getQuotaAfterRateLimits() {
        return quotaAfterRateLimits;
    }

    /**
     * How many HTTP 429 answers without Retry-After in a row are taken for an exhausted quota: the exchange then
     * fails with SoraQuotaException instead of retrying further.
     */
    public void setQuotaAfterRateLimits(int quotaAfterRateLimits) {
        this.quotaAfterRateLimits = quotaAfterRateLimits;
    }

    public SoraConfiguration copy() {
        try {
            return (SoraConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
