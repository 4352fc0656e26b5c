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
package io.github.camelsora.aws;

import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.github.camelsora.api.ApiError;
import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.ClientSettings;
import io.github.camelsora.api.Deadline;
import io.github.camelsora.api.DeletedVideo;
import io.github.camelsora.api.Download;
import io.github.camelsora.api.InputReference;
import io.github.camelsora.api.JobScope;
import io.github.camelsora.api.ProviderProfile;
import io.github.camelsora.api.RequestObserver;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraTransportException;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoError;
import io.github.camelsora.api.VideoList;
import io.github.camelsora.api.VideoProvider;
import io.github.camelsora.api.VideoRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.FileTransformerConfiguration;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeOutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeS3OutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.GetAsyncInvokeResponse;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Amazon Bedrock's async invoke ({@code bedrock-async-invoke}) through the AWS SDK v2: SigV4 and credentials are the
 * SDK's (explicit keys, a named profile, or the default provider chain).
 * <ul>
 * <li>create: {@code StartAsyncInvoke} with {@code modelInput} in the model's own shape (Amazon Nova Reel:
 * {@code TEXT_VIDEO}, {@code textToVideoParams}, {@code videoGenerationConfig}; Luma Ray2: {@code prompt},
 * {@code aspect_ratio}, {@code resolution}, {@code duration}), {@code outputDataConfig.s3OutputDataConfig.s3Uri} from
 * {@code storageUri}, and {@code clientRequestToken} derived from the message's idempotency key: Bedrock starts one
 * invocation per token, so a create whose answer was lost is simply sent again and answers the same ARN;</li>
 * <li>status: {@code GetAsyncInvoke}: {@code InProgress}, {@code Completed}, {@code Failed} with
 * {@code failureMessage}; the invocation ARN is the job's id;</li>
 * <li>result: {@code <outputDataConfig s3Uri>/output.mp4}, read with S3 GetObject into the file (or, with
 * {@code downloadResult=false}, only named: {@code CamelSoraOutputUri}).</li>
 * </ul>
 * Like every provider it never retries (the SDK's own retries are off), limits or bills: the policy gateway does. One
 * Netty event loop (2 threads) and one timer thread serve every Bedrock and S3 client of the JVM; SDK futures complete
 * on those threads and the engine moves on to its workers.
 * Sources: docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_StartAsyncInvoke.html,
 * API_runtime_GetAsyncInvoke.html; docs.aws.amazon.com/nova/latest/userguide/video-gen-access.html ("the video is
 * written to output.mp4 in the S3 folder the invocation names"), video-gen-code-examples.html;
 * docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-luma.html (Ray2 request fields).
 */
public final class BedrockClient implements VideoProvider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BedrockClient.class);

    /** The protocol of {@code provider=bedrock}. */
    public static final class Factory implements io.github.camelsora.api.VideoProviderFactory {
        @Override
        public String protocol() {
            return "bedrock-async-invoke";
        }

        @Override
        public VideoProvider create(ProviderProfile profile, ClientSettings settings,
                                    io.github.camelsora.api.HttpTransport transport) {
            return new BedrockClient(profile, settings);
        }
    }

    private static final Set<String> NOVA_REEL = Set.of("amazon.nova-reel-v1:0", "amazon.nova-reel-v1:1");
    private static final String LUMA = "luma.";

    /** Shared by every client of the JVM: threads do not grow with endpoints or keys. */
    private static final class Shared {
        static final SdkAsyncHttpClient HTTP = NettyNioAsyncHttpClient.builder()
                // daemon threads: a JVM whose Camel context stopped is not kept alive by the shared event loop
                .eventLoopGroupBuilder(SdkEventLoopGroup.builder().numberOfThreads(2).threadFactory(daemons()))
                .maxConcurrency(64)
                .build();
        static final ScheduledExecutorService TIMER = timer();

        private static java.util.concurrent.ThreadFactory daemons() {
            java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, "sora-aws-io-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }

        private static ScheduledExecutorService timer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "sora-aws-timer");
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }

    private final ProviderProfile profile;
    private final ClientSettings settings;
    private final BedrockRuntimeAsyncClient bedrock;
    private final S3AsyncClient s3;
    private final String server;

    BedrockClient(ProviderProfile profile, ClientSettings settings) {
        this.profile = profile;
        this.settings = settings;
        Region region = Region.of(region(settings));
        AwsCredentialsProvider credentials = credentials(settings);
        ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .scheduledExecutorService(Shared.TIMER)
                .build();
        var bedrockBuilder = BedrockRuntimeAsyncClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(Shared.HTTP)
                .overrideConfiguration(overrides)
                .asyncConfiguration(b -> b.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR,
                        Runnable::run));
        if (!settings.baseUrl().equals(profile.defaultBaseUrl()) || settings.option("region") == null) {
            bedrockBuilder.endpointOverride(URI.create(settings.baseUrl()));
        }
        this.bedrock = bedrockBuilder.build();
        var s3Builder = S3AsyncClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(Shared.HTTP)
                .overrideConfiguration(overrides)
                .asyncConfiguration(b -> b.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR,
                        Runnable::run));
        String storage = settings.option("storageEndpoint");
        if (storage != null) {
            s3Builder.endpointOverride(URI.create(storage)).forcePathStyle(true);
        }
        this.s3 = s3Builder.build();
        this.server = profile.name() + " " + settings.baseUrl();
    }

    /** The region option, else the one in a bedrock-runtime.REGION.amazonaws.com base URL, else us-east-1. */
    static String region(ClientSettings settings) {
        String region = settings.option("region");
        if (region != null) {
            return region;
        }
        String host = URI.create(settings.baseUrl()).getHost();
        if (host != null && host.startsWith("bedrock-runtime.") && host.endsWith(".amazonaws.com")) {
            String[] parts = host.split("\\.");
            if (parts.length >= 4) {
                return parts[1];
            }
        }
        return "us-east-1";
    }

    private static AwsCredentialsProvider credentials(ClientSettings settings) {
        String key = settings.option("accessKeyId");
        String secret = settings.option("secretAccessKey");
        if (key != null && secret != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret));
        }
        if (key != null || secret != null) {
            throw new SoraValidationException("accessKeyId", "accessKeyId and secretAccessKey go together");
        }
        String profileName = settings.option("profile");
        if (profileName != null) {
            return ProfileCredentialsProvider.create(profileName);
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public ProviderProfile profile() {
        return profile;
    }

    @Override
    public String server() {
        return server;
    }

    // ---- create ----

    @Override
    public CompletableFuture<ApiResponse<Video>> create(VideoRequest request, InputReference reference,
                                                        List<String> characters, Deadline deadline) {
        return create(request, reference, characters, null, deadline);
    }

    @Override
    public CompletableFuture<ApiResponse<Video>> create(VideoRequest request, InputReference reference,
                                                        List<String> characters, String idempotencyKey,
                                                        Deadline deadline) {
        Document input;
        String storageUri;
        try {
            if (characters != null && !characters.isEmpty()) {
                throw new SoraValidationException("characters", "provider bedrock has no characters");
            }
            storageUri = storageUri(request);
            input = modelInput(request, reference);
        } catch (SoraValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        String operation = "create video";
        String output = storageUri;
        Document modelInput = input;
        return observed(operation, "POST", api("/async-invoke"), null, timeout(deadline, settings.responseTimeout()),
                config -> bedrock.startAsyncInvoke(b -> b
                        .modelId(request.model())
                        .modelInput(modelInput)
                        .clientRequestToken(idempotencyKey == null ? null : clientRequestToken(idempotencyKey))
                        .outputDataConfig(AsyncInvokeOutputDataConfig.fromS3OutputDataConfig(
                                AsyncInvokeS3OutputDataConfig.builder().s3Uri(output).build()))
                        .overrideConfiguration(config)))
                .handle((response, error) -> {
                    if (error != null) {
                        throw failure(operation, null, error);
                    }
                    Video video = new Video(response.invocationArn(), "video", request.model(), "in_progress", null,
                            null, null, null, request.prompt(), request.size(), request.seconds(), null, null);
                    return new ApiResponse<>(video, response.responseMetadata().requestId(), null);
                });
    }

    /**
     * Bedrock's {@code clientRequestToken} for an idempotency key: the SHA-256 of the key in hex (64 characters of
     * {@code [a-f0-9]}, within the API's {@code [a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}}), the same for every resend.
     */
    static String clientRequestToken(String idempotencyKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("camel-sora:" + idempotencyKey).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String storageUri(VideoRequest request) {
        Object uri = request.parameters().get("storageUri");
        if (!(uri instanceof String s) || !s.startsWith("s3://") || s.length() <= 5) {
            throw new SoraValidationException("storageUri", "provider bedrock writes the video to S3: set storageUri"
                    + " to an s3://bucket/prefix location");
        }
        return s;
    }

    /** The model's own {@code modelInput}: Nova Reel's or Luma Ray2's documented shape. */
    static Document modelInput(VideoRequest request, InputReference reference) {
        String model = request.model() == null ? "" : request.model();
        if (!request.options().providerOptions().isEmpty()) {
            throw new SoraValidationException("providerOptions", "provider bedrock builds the documented input of"
                    + " Nova Reel and Luma Ray2; other fields are not passed on");
        }
        Map<String, Object> parameters = new LinkedHashMap<>(request.parameters());
        parameters.remove("storageUri");
        if (NOVA_REEL.contains(model)) {
            Object seed = parameters.remove("seed");
            refuseRest(parameters, model);
            Map<String, Document> params = new LinkedHashMap<>();
            params.put("text", Document.fromString(request.prompt()));
            if (reference instanceof InputReference.Upload upload) {
                String format = upload.contentType().endsWith("png") ? "png" : "jpeg";
                params.put("images", Document.fromList(List.of(Document.fromMap(Map.of(
                        "format", Document.fromString(format),
                        "source", Document.fromMap(Map.of("bytes", Document.fromString(
                                Base64.getEncoder().encodeToString(upload.bytes())))))))));
            } else if (reference != null) {
                throw new SoraValidationException("inputReference", "Nova Reel takes the start image as bytes");
            }
            Map<String, Document> config = new LinkedHashMap<>();
            config.put("durationSeconds", Document.fromNumber(seconds(request)));
            config.put("fps", Document.fromNumber(24));
            config.put("dimension", Document.fromString(request.size() == null ? "1280x720" : request.size()));
            if (seed != null) {
                config.put("seed", Document.fromNumber(((Number) seed).intValue()));
            }
            Map<String, Document> input = new LinkedHashMap<>();
            input.put("taskType", Document.fromString("TEXT_VIDEO"));
            input.put("textToVideoParams", Document.fromMap(params));
            input.put("videoGenerationConfig", Document.fromMap(config));
            return Document.fromMap(input);
        }
        if (model.startsWith(LUMA)) {
            refuseRest(parameters, model);
            if (reference != null) {
                throw new SoraValidationException("inputReference", "the simulator-proven Luma Ray2 shape here is"
                        + " text to video; a start image is not passed on");
            }
            String[] shape = lumaShape(request.size());
            Map<String, Document> input = new LinkedHashMap<>();
            input.put("prompt", Document.fromString(request.prompt()));
            input.put("aspect_ratio", Document.fromString(shape[0]));
            input.put("resolution", Document.fromString(shape[1]));
            input.put("duration", Document.fromString(seconds(request) + "s"));
            return Document.fromMap(input);
        }
        throw new SoraValidationException("model", "provider bedrock knows the request shapes of "
                + NOVA_REEL + " and luma.ray-v2:0, not '" + model + "'");
    }

    private static void refuseRest(Map<String, Object> parameters, String model) {
        if (!parameters.isEmpty()) {
            String name = parameters.keySet().iterator().next();
            throw new SoraValidationException(name, model + " on Bedrock does not document '" + name + "'");
        }
    }

    private static int seconds(VideoRequest request) {
        try {
            return Integer.parseInt(request.seconds() == null ? "" : request.seconds().trim());
        } catch (NumberFormatException e) {
            throw new SoraValidationException("seconds", "'" + request.seconds() + "' is not a whole number");
        }
    }

    /** A size as Luma's aspect_ratio and resolution. */
    static String[] lumaShape(String size) {
        return switch (size == null ? "" : size) {
            case "1280x720" -> new String[] { "16:9", "720p" };
            case "720x1280" -> new String[] { "9:16", "720p" };
            case "960x540" -> new String[] { "16:9", "540p" };
            case "540x960" -> new String[] { "9:16", "540p" };
            case "720x720" -> new String[] { "1:1", "720p" };
            case "540x540" -> new String[] { "1:1", "540p" };
            default -> throw new SoraValidationException("size", "'" + size + "' is not a Luma Ray2 size");
        };
    }

    // ---- status ----

    @Override
    public CompletableFuture<ApiResponse<Video>> retrieve(String videoId, Deadline deadline) {
        return get(videoId, "retrieve video", deadline).thenApply(response -> new ApiResponse<>(toVideo(response),
                response.responseMetadata().requestId(), null));
    }

    private CompletableFuture<GetAsyncInvokeResponse> get(String videoId, String operation, Deadline deadline) {
        return observed(operation, "GET", api("/async-invoke/" + java.net.URLEncoder.encode(videoId,
                        StandardCharsets.UTF_8)), videoId, timeout(deadline, settings.responseTimeout()),
                config -> bedrock.getAsyncInvoke(b -> b.invocationArn(videoId).overrideConfiguration(config)))
                .handle((response, error) -> {
                    if (error != null) {
                        throw failure(operation, videoId, error);
                    }
                    if (!videoId.equals(response.invocationArn())) {
                        throw new SoraApiException(operation, 200, new ApiError("the response describes invocation '"
                                + response.invocationArn() + "', not the one asked for", null, null,
                                "invalid_response"), response.responseMetadata().requestId(), videoId);
                    }
                    return response;
                });
    }

    /**
     * The job a GetAsyncInvoke answer describes. A status this version does not know is not a failure of a paid
     * job: it is reported as still in progress (logged), so the wait goes on to its deadline.
     */
    static Video toVideo(GetAsyncInvokeResponse response) {
        String model = response.modelArn() == null ? null
                : response.modelArn().substring(response.modelArn().lastIndexOf('/') + 1);
        Long created = response.submitTime() == null ? null : response.submitTime().getEpochSecond();
        Long ended = response.endTime() == null ? null : response.endTime().getEpochSecond();
        String folder = response.outputDataConfig() == null || response.outputDataConfig().s3OutputDataConfig() == null
                ? null : response.outputDataConfig().s3OutputDataConfig().s3Uri();
        String status = response.statusAsString() == null ? "" : response.statusAsString();
        return switch (status) {
            case "Completed" -> new Video(response.invocationArn(), "video", model, "completed", 100, created, ended,
                    null, null, null, null, null, null, folder == null ? null
                    : (folder.endsWith("/") ? folder : folder + "/") + "output.mp4");
            case "Failed" -> {
                String message = response.failureMessage();
                String code = message != null && message.toLowerCase(Locale.ROOT).contains("content filter")
                        ? "content_filtered" : "failed";
                yield new Video(response.invocationArn(), "video", model, "failed", null, created, ended, null, null,
                        null, null, null, new VideoError(code, message));
            }
            case "InProgress" -> new Video(response.invocationArn(), "video", model, "in_progress", null, created,
                    null, null, null, null, null, null, null);
            default -> {
                LOG.warn("Invocation {} reports status '{}', which this version does not know; waiting on",
                        response.invocationArn(), status);
                yield new Video(response.invocationArn(), "video", model, "in_progress", null, created, null, null,
                        null, null, null, null, null);
            }
        };
    }

    // ---- result ----

    @Override
    public CompletableFuture<Download> download(String videoId, String variant, Path file, Deadline deadline) {
        if (!"video".equals(variant)) {
            return CompletableFuture.failedFuture(new SoraValidationException("variant", "'" + variant
                    + "' is not offered by Bedrock: only the video"));
        }
        return get(videoId, "download video", deadline).thenCompose(response -> {
            Video video = toVideo(response);
            if (video.outputUri() == null) {
                throw new SoraApiException("download video", 409, new ApiError("the invocation is " + video.status()
                        + " and names no output", null, null, "video_not_ready"),
                        response.responseMetadata().requestId(), videoId);
            }
            String location = video.outputUri().substring("s3://".length());
            int slash = location.indexOf('/');
            String bucket = location.substring(0, slash);
            String key = location.substring(slash + 1);
            return observed("download video", "GET", s3Object(bucket, key), videoId,
                    timeout(deadline, settings.transport().downloadTimeout()),
                    config -> s3.getObject(b -> b.bucket(bucket).key(key).overrideConfiguration(config),
                            AsyncResponseTransformer.<GetObjectResponse>toFile(file,
                                    FileTransformerConfiguration.defaultCreateOrReplaceExisting())))
                    .handle((object, error) -> {
                        if (error != null) {
                            deleteQuietly(file);
                            throw failure("download video", videoId, error);
                        }
                        long bytes = object.contentLength() == null ? fileSize(file) : object.contentLength();
                        if (bytes > settings.transport().maxDownloadBytes()) {
                            deleteQuietly(file);
                            throw new SoraApiException("download video", 200, new ApiError("the object is larger"
                                    + " than maxDownloadBytes", null, null, "response_too_large"), null, videoId);
                        }
                        return new Download(file, bytes, object.contentType(), object.responseMetadata().requestId());
                    });
        });
    }

    private static long fileSize(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            // a temporary file in the output directory
        }
    }

    @Override
    public CompletableFuture<ApiResponse<VideoList>> list(String after, Integer limit, String order,
                                                          Deadline deadline) {
        return CompletableFuture.failedFuture(new SoraValidationException("operation",
                "provider bedrock has no 'list' endpoint here"));
    }

    @Override
    public CompletableFuture<ApiResponse<DeletedVideo>> delete(String videoId, Deadline deadline) {
        return CompletableFuture.failedFuture(new SoraValidationException("operation",
                "provider bedrock has no 'delete' endpoint"));
    }

    // ---- observation: the client spans and trace context of the component's own transport ----

    /**
     * Sends one SDK call observed as {@code HttpTransport} observes its requests: the current {@link JobScope}'s
     * {@link RequestObserver} starts a call (a client span when Camel's telemetry is on), its headers (W3C
     * {@code traceparent}) go with the request, and the outcome completes the returned future inside that scope, so
     * that what follows logs with the exchange's MDC. Observation never fails a call.
     */
    private <R extends SdkResponse> CompletableFuture<R> observed(String operation, String method, URI uri,
            String videoId, AwsRequestOverrideConfiguration config,
            java.util.function.Function<AwsRequestOverrideConfiguration, CompletableFuture<R>> send) {
        JobScope scope = JobScope.current();
        RequestObserver.Call call;
        try {
            call = scope.observer().start(operation, method, uri, videoId);
        } catch (RuntimeException e) {
            call = null;
        }
        RequestObserver.Call observed = call == null ? RequestObserver.Call.NONE : call;
        AwsRequestOverrideConfiguration.Builder traced = config.toBuilder();
        observed.headers().forEach(traced::putHeader);
        CompletableFuture<R> result = new CompletableFuture<>();
        CompletableFuture<R> sent;
        try {
            sent = send.apply(traced.build());
        } catch (RuntimeException e) {
            end(observed, -1, e);
            throw e;
        }
        sent.whenComplete((response, error) -> {
            end(observed, status(response, error), error);
            scope.run(() -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(response);
                }
            });
        });
        return result;
    }

    private static void end(RequestObserver.Call call, int status, Throwable error) {
        try {
            call.end(status, error);
        } catch (RuntimeException e) {
            LOG.debug("A request observer failed: {}", e.toString());
        }
    }

    private static int status(SdkResponse response, Throwable error) {
        if (response != null) {
            return response.sdkHttpResponse().statusCode();
        }
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e instanceof AwsServiceException service ? service.statusCode() : -1;
    }

    /** A Bedrock route on the configured endpoint (for observation: no credential is part of it). */
    private URI api(String path) {
        return URI.create(settings.baseUrl().replaceAll("/+$", "") + path);
    }

    private static URI s3Object(String bucket, String key) {
        try {
            return new URI("s3", bucket, "/" + key, null);
        } catch (java.net.URISyntaxException e) {
            return URI.create("s3://" + bucket);
        }
    }

    // ---- errors and deadlines ----

    /** The call's deadline as the SDK's api-call timeout (the smaller of the deadline and the request's timeout). */
    private static AwsRequestOverrideConfiguration timeout(Deadline deadline, Duration timeout) {
        Duration limit = deadline.cap(timeout);
        return AwsRequestOverrideConfiguration.builder()
                .apiCallTimeout(limit.isZero() || limit.isNegative() ? Duration.ofMillis(1) : limit)
                .build();
    }

    /**
     * The SDK's failure as the component's: a service answer is a {@link SoraApiException} with its HTTP status and
     * error type; no answer (a timeout, a connection lost) a {@link SoraTransportException}, sent unless the
     * connection was never made.
     */
    static RuntimeException failure(String operation, String videoId, Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof SoraException sora) {
            return sora;
        }
        if (e instanceof AwsServiceException service) {
            String type = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? service.getMessage()
                    : service.awsErrorDetails().errorMessage();
            return new SoraApiException(operation, service.statusCode(), new ApiError(message, type, null, type),
                    service.requestId(), videoId);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof SdkClientException) {
            boolean connected = true;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConnectException) {
                    connected = false;
                }
            }
            return new SoraTransportException(operation, videoId, e, connected);
        }
        return new SoraException(operation + " failed: " + e, videoId, e);
    }

    @Override
    public void close() {
        bedrock.close();
        s3.close();
    }

    @Override
    public String toString() {
        return "BedrockClient[" + server + "]";
    }
}
