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
package io.github.camelsora.api;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Veo through the Gemini API ({@code gemini-veo}): the long-running operation the Gemini API documents for Veo 3.x.
 * <ul>
 * <li>create: {@code POST {base}/models/{model}:predictLongRunning} with {@code {instances: [{prompt, image?}],
 * parameters: {aspectRatio, resolution, durationSeconds, negativePrompt?, personGeneration?}}}; the answer is an
 * operation whose {@code name} ({@code models/{model}/operations/{id}}) is the job's id;</li>
 * <li>status: {@code GET {base}/{operation name}}: {@code done}, {@code error} (google.rpc.Status),
 * {@code response.generateVideoResponse.generatedSamples[].video.uri};</li>
 * <li>result: that URI ({@code {base}/files/{id}:download?alt=media}), fetched with the key
 * ({@code x-goog-api-key}) only when it is on the API's own origin; any other host gets no key and the safe-fetch
 * rules. Google keeps generated videos for two days: a 404 then is {@link SoraAssetExpiredException}.</li>
 * </ul>
 * The Gemini API documents neither {@code seed} nor {@code generateAudio} for Veo (the google-genai SDKs refuse both
 * in Gemini API mode: {@code generateVideosConfigToMldev}); they are refused here before anything is sent.
 * Sources: ai.google.dev/gemini-api/docs/video ("Generate videos with Veo 3.1 in the Gemini API": REST examples of
 * {@code predictLongRunning}, polling {@code ${BASE_URL}/${operation_name}}, downloading
 * {@code generatedSamples[0].video.uri} with the key; "videos are stored on the server for 2 days");
 * ai.google.dev/api/rest/v1beta/models/predictLongRunning; googleapis/java-genai {@code Models.java}
 * ({@code generateVideosParametersToMldev}, {@code generatedVideoFromMldev}).
 * <p>
 * The newer Interactions API is documented for Gemini Omni Flash, not for Veo (the Gemini API video page, late
 * 2026: "Veo 3.1 ... through the generateContent API" next to the operation-based guide), so Veo is spoken here in
 * its long-running form, which the Veo 3.1 guide still documents.
 */
public final class GeminiClient extends GoogleLroClient {

    /** The protocol of {@code provider=gemini}. */
    public static final class Factory implements VideoProviderFactory {
        @Override
        public String protocol() {
            return "gemini-veo";
        }

        @Override
        public VideoProvider create(ProviderProfile profile, ClientSettings settings, HttpTransport transport) {
            return new GeminiClient(settings, transport, profile);
        }
    }

    /** The parameters the Gemini API documents for Veo beyond size and seconds. */
    private static final List<String> DOCUMENTED = List.of("aspectRatio", "resolution", "negativePrompt",
            "personGeneration");

    private final CompletableFuture<HttpTransport.Auth> auth;
    private final String secret;

    GeminiClient(ClientSettings settings, HttpTransport http, ProviderProfile profile) {
        super(settings, http, profile);
        this.auth = CompletableFuture.completedFuture(settings.authValue() == null ? null
                : new HttpTransport.Auth(settings.authHeader(), settings.authValue(), URI.create(settings.baseUrl())));
        this.secret = VideosClient.secretToken(settings.authValue());
    }

    @Override
    CompletableFuture<HttpTransport.Auth> auth() {
        return auth;
    }

    @Override
    String secretToken() {
        return secret;
    }

    @Override
    List<String> documentedParameters() {
        return DOCUMENTED;
    }

    @Override
    public CompletableFuture<ApiResponse<Video>> create(VideoRequest request, InputReference reference,
                                                        List<String> characters, Deadline deadline) {
        if (characters != null && !characters.isEmpty()) {
            return CompletableFuture.failedFuture(new SoraValidationException("characters", "provider "
                    + profile.name() + " has no characters"));
        }
        JsonNode body;
        String path;
        try {
            body = veoBody(request, reference);
            path = settings.baseUrl() + "/models/" + modelSegment(request.model()) + ":predictLongRunning";
        } catch (SoraValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send("POST", path, body, "create video", null, deadline)
                .thenApply(response -> created(response, toVideo(response.value(), null)));
    }

    @Override
    public CompletableFuture<ApiResponse<Video>> retrieve(String videoId, Deadline deadline) {
        return read(videoId, deadline).thenApply(response -> new ApiResponse<>(toVideo(response.value(), videoId),
                response.requestId(), null));
    }

    private CompletableFuture<ApiResponse<JsonNode>> read(String videoId, Deadline deadline) {
        String path;
        try {
            path = settings.baseUrl() + "/" + operationPath(videoId);
        } catch (SoraValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return operation(videoId, send("GET", path, null, "retrieve video", videoId, deadline), "retrieve video");
    }

    /**
     * Reads the operation again for the video's URI (it is not kept between calls: a restarted process downloads
     * the same way), then streams it into {@code file}.
     */
    @Override
    public CompletableFuture<Download> download(String videoId, String variant, Path file, Deadline deadline) {
        if (!"video".equals(variant)) {
            return onlyVideo(variant);
        }
        return read(videoId, deadline).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null && error instanceof java.util.concurrent.CompletionException
                        ? error.getCause() : error;
                if (cause instanceof SoraApiException api && api.getStatusCode() == 404) {
                    // the operation itself is gone: so is its video
                    return CompletableFuture.<Download>failedFuture(new SoraApiException("download video", 404,
                            new ApiError("the operation is gone", "NOT_FOUND", null, "video_expired"),
                            api.getRequestId(), videoId));
                }
                return CompletableFuture.<Download>failedFuture(cause);
            }
            Video video = toVideo(response.value(), videoId);
            Result result = result(response.value());
            if (result == null || result.uri() == null) {
                return CompletableFuture.<Download>failedFuture(new SoraApiException("download video", 409,
                        new ApiError("the operation is " + video.status() + " and names no video", null, null,
                                "video_not_ready"), response.requestId(), videoId));
            }
            return fetch(result.uri(), videoId, file, deadline);
        }).thenCompose(next -> next);
    }

    private CompletableFuture<Download> fetch(String uri, String videoId, Path file, Deadline deadline) {
        URI target;
        try {
            target = URI.create(uri);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new SoraApiException("download video", 200, new ApiError(
                    "the operation names an invalid video URI", null, null, "invalid_response"), null, videoId));
        }
        if (HttpTransport.sameOrigin(target, URI.create(settings.baseUrl()))) {
            return downloadWithCredential(target, videoId, file, deadline);
        }
        // not the API's host: no key, https only, no internal address, the size and time caps of downloads
        FetchPolicy policy = FetchPolicy.defaults().withMaxBytes(transport.maxDownloadBytes())
                .withTimeout(transport.downloadTimeout().isZero() ? Duration.ofMinutes(30)
                        : transport.downloadTimeout())
                .withSslContext(transport.sslContext());
        return http.download(uri, policy, file, deadline);
    }

    @Override
    Result result(JsonNode operation) {
        for (JsonNode sample : operation.path("response").path("generateVideoResponse").path("generatedSamples")) {
            JsonNode video = sample.path("video");
            String uri = text(video, "uri");
            if (uri != null && !uri.isBlank()) {
                return new Result(uri, false, text(video, "mimeType"));
            }
        }
        return null;
    }

    @Override
    List<String> filteredReasons(JsonNode operation) {
        List<String> reasons = new ArrayList<>();
        operation.path("response").path("generateVideoResponse").path("raiMediaFilteredReasons")
                .forEach(reason -> reasons.add(reason.asText()));
        return reasons;
    }
}
