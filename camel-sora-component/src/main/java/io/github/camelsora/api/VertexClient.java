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
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hc.core5.http.ContentType;

/**
 * Veo on Vertex AI ({@code vertex-veo}). The base URL names project and location:
 * {@code https://{LOCATION}-aiplatform.googleapis.com/v1/projects/{PROJECT}/locations/{LOCATION}}.
 * <ul>
 * <li>create: {@code POST {base}/publishers/google/models/{model}:predictLongRunning} with {@code instances[0]}
 * ({@code prompt}, {@code image}) and {@code parameters} ({@code aspectRatio}, {@code resolution},
 * {@code durationSeconds}, {@code negativePrompt}, {@code personGeneration}, {@code seed}, {@code generateAudio},
 * {@code storageUri}); the operation's name is the job's id;</li>
 * <li>status: {@code POST {base}/publishers/google/models/{model}:fetchPredictOperation}
 * {@code {"operationName": name}} (not a GET of the operation);</li>
 * <li>result: {@code response.videos[]}: {@code bytesBase64Encoded} (decoded as it arrives into the file, never
 * whole in memory: {@link Base64FieldConsumer}) or, when {@code storageUri} was set, {@code gcsUri}, read through
 * the Cloud Storage JSON API ({@code storage.googleapis.com/download/storage/v1/b/{bucket}/o/{object}?alt=media})
 * with the same token, which goes to no other host.</li>
 * </ul>
 * Auth: an OAuth2 access token, from the {@code accessToken} option, else Google Application Default Credentials
 * through google-auth-library when it is on the class path ({@link GoogleAdcTokens}: refreshed ahead of expiry on its
 * own thread, so a job's wait never blocks on it).
 * Sources: cloud.google.com/vertex-ai/generative-ai/docs/model-reference/veo-video-generation (request body,
 * {@code fetchPredictOperation}, response {@code videos[].gcsUri | bytesBase64Encoded}, {@code raiMediaFiltered*});
 * cloud.google.com/storage/docs/json_api/v1/objects/get ({@code alt=media}); googleapis/java-genai {@code Models.java}
 * ({@code generateVideosParametersToVertex}) and {@code Operations.java} ({@code privateFetchPredictVideosOperation}).
 */
public final class VertexClient extends GoogleLroClient {

    /** The protocol of {@code provider=vertex}. */
    public static final class Factory implements VideoProviderFactory {
        @Override
        public String protocol() {
            return "vertex-veo";
        }

        @Override
        public VideoProvider create(ProviderProfile profile, ClientSettings settings, HttpTransport transport) {
            return new VertexClient(settings, transport, profile, TokenSource.of(settings));
        }
    }

    /** Where an access token comes from; {@link #token()} never blocks. */
    interface TokenSource {
        CompletableFuture<String> token();

        /** The configured token, else Application Default Credentials when google-auth-library is present. */
        static TokenSource of(ClientSettings settings) {
            String value = settings.authValue();
            if (value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                CompletableFuture<String> token = CompletableFuture.completedFuture(value.substring(7).trim());
                return () -> token;
            }
            return GoogleAdcTokens.available() ? new GoogleAdcTokens()
                    : () -> CompletableFuture.failedFuture(new SoraValidationException("accessToken",
                            "provider vertex needs an OAuth2 access token: set accessToken, or add"
                            + " com.google.auth:google-auth-library-oauth2-http for Application Default Credentials"));
        }
    }

    private static final List<String> DOCUMENTED = List.of("aspectRatio", "resolution", "negativePrompt",
            "personGeneration", "seed",
            "generateAudio", "storageUri");
    private static final String STORAGE = "https://storage.googleapis.com";

    private final TokenSource tokens;
    private final URI origin;
    private final URI storage;
    private volatile String lastToken;

    VertexClient(ClientSettings settings, HttpTransport http, ProviderProfile profile, TokenSource tokens) {
        super(settings, http, profile);
        this.tokens = tokens;
        this.origin = URI.create(settings.baseUrl());
        // a simulator on loopback serves the storage API too; anywhere else it is Google's host
        this.storage = URI.create(Addresses.isLoopbackHost(origin.getHost())
                ? origin.getScheme() + "://" + origin.getRawAuthority() : STORAGE);
    }

    @Override
    CompletableFuture<HttpTransport.Auth> auth() {
        return auth(origin);
    }

    private CompletableFuture<HttpTransport.Auth> auth(URI to) {
        return tokens.token().thenApply(token -> {
            lastToken = token;
            return new HttpTransport.Auth("Authorization", "Bearer " + token, to);
        });
    }

    @Override
    String secretToken() {
        return VideosClient.secretToken(lastToken);
    }

    @Override
    List<String> documentedParameters() {
        return DOCUMENTED;
    }

    private String modelBase(String model) {
        return settings.baseUrl() + "/publishers/google/models/" + modelSegment(model);
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
            path = modelBase(request.model()) + ":predictLongRunning";
        } catch (SoraValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send("POST", path, body, "create video", null, deadline)
                .thenApply(response -> created(response, toVideo(response.value(), null)));
    }

    @Override
    public CompletableFuture<ApiResponse<Video>> retrieve(String videoId, Deadline deadline) {
        // a done operation may carry the video inline: it is skipped here, not buffered, and read by download
        return fetch(videoId, null, "retrieve video", deadline).thenApply(r -> new ApiResponse<>(
                toVideo(parseJson(r, videoId), videoId), r.requestId(), null));
    }

    @Override
    public CompletableFuture<Download> download(String videoId, String variant, Path file, Deadline deadline) {
        if (!"video".equals(variant)) {
            return onlyVideo(variant);
        }
        return fetch(videoId, file, "download video", deadline).thenCompose(r -> {
            JsonNode operation = parseJson(r, videoId);
            Result result = result(operation);
            if (r.decoded()) {
                return CompletableFuture.completedFuture(new Download(file, r.bytes(),
                        result == null || result.mimeType() == null ? "video/mp4" : result.mimeType(),
                        r.requestId()));
            }
            if (result != null && result.uri() != null) {
                return gcs(result.uri(), videoId, file, deadline);
            }
            Video video = toVideo(operation, videoId);
            throw new SoraApiException("download video", 409, new ApiError("the operation is " + video.status()
                    + " and holds no video", null, null, "video_not_ready"), r.requestId(), videoId);
        }).whenComplete((d, error) -> {
            if (error != null) {
                FileResponseConsumer.deleteQuietly(file);
            }
        });
    }

    /** {@code fetchPredictOperation}; a base64 video in the answer goes into {@code file} (skipped when null). */
    private CompletableFuture<Base64FieldConsumer.Result> fetch(String videoId, Path file, String operation,
                                                               Deadline deadline) {
        URI uri;
        byte[] body;
        try {
            String model = modelOf(videoId);
            if (model == null) {
                throw new SoraValidationException("video_id", "'" + ServerText.clean(videoId)
                        + "' is not a Veo operation name (…/models/{model}/operations/{id})");
            }
            uri = new URI(modelBase(model) + ":fetchPredictOperation");
            ObjectNode request = Json.MAPPER.createObjectNode();
            request.put("operationName", videoId);
            body = toJson(request);
        } catch (SoraValidationException e) {
            return CompletableFuture.failedFuture(e);
        } catch (URISyntaxException e) {
            return CompletableFuture.failedFuture(new SoraException(operation + ": invalid URI", videoId, e));
        }
        boolean download = file != null;
        return auth().thenCompose(auth -> http.execute(new HttpTransport.Request("POST", uri, body,
                        ContentType.APPLICATION_JSON, "application/json", auth, transport.allowInsecureHttp()),
                () -> new Base64FieldConsumer("bytesBase64Encoded", file, transport.maxDownloadBytes(),
                        transport.maxResponseBytes()), operation, videoId,
                download ? transport.downloadTimeout() : settings.responseTimeout(), deadline))
                .thenApply(r -> {
                    if (!r.head().success()) {
                        throw new SoraApiException(operation, r.status(), parseError(redact(r.json()),
                                r.contentType()), r.requestId(), videoId, r.retryAfter());
                    }
                    return r;
                });
    }

    private JsonNode parseJson(Base64FieldConsumer.Result r, String videoId) {
        try {
            JsonNode node = Json.MAPPER.readTree(redact(r.json()));
            if (node == null || !node.isObject()) {
                throw new java.io.IOException("not a JSON object");
            }
            String name = text(node, "name");
            if (name != null && !name.equals(videoId)) {
                throw new SoraApiException("retrieve video", 200, new ApiError("the response describes operation '"
                        + ServerText.clean(name) + "', not the one asked for", null, null, "invalid_response"),
                        r.requestId(), videoId);
            }
            return node;
        } catch (java.io.IOException e) {
            throw new SoraApiException("retrieve video", r.status(), new ApiError("the response is not the expected"
                    + " JSON: " + e.getClass().getSimpleName(), null, null, "invalid_response"), r.requestId(),
                    videoId);
        }
    }

    /** {@code gs://bucket/object} through the Cloud Storage JSON API, with the token (to that host only). */
    private CompletableFuture<Download> gcs(String gcsUri, String videoId, Path file, Deadline deadline) {
        if (!gcsUri.startsWith("gs://") || gcsUri.indexOf('/', 5) < 0) {
            throw new SoraApiException("download video", 200, new ApiError("the operation names '"
                    + ServerText.clean(gcsUri) + "', not a gs:// object", null, null, "invalid_response"), null,
                    videoId);
        }
        int slash = gcsUri.indexOf('/', 5);
        String bucket = gcsUri.substring(5, slash);
        String object = gcsUri.substring(slash + 1);
        URI uri = URI.create(storage + "/download/storage/v1/b/" + segment(bucket) + "/o/" + segment(object)
                             + "?alt=media");
        return auth(storage).thenCompose(auth -> downloadWith(auth, uri, videoId, file, deadline));
    }

    private CompletableFuture<Download> downloadWith(HttpTransport.Auth auth, URI uri, String videoId, Path file,
                                                     Deadline deadline) {
        return downloadWithCredential(uri, videoId, file, deadline, auth);
    }

    @Override
    Result result(JsonNode operation) {
        for (JsonNode video : operation.path("response").path("videos")) {
            String gcsUri = text(video, "gcsUri");
            if (gcsUri != null && !gcsUri.isBlank()) {
                return new Result(gcsUri, false, text(video, "mimeType"));
            }
            if (video.has("bytesBase64Encoded")) {
                return new Result(null, true, text(video, "mimeType"));
            }
        }
        return null;
    }

    @Override
    List<String> filteredReasons(JsonNode operation) {
        List<String> reasons = new ArrayList<>();
        operation.path("response").path("raiMediaFilteredReasons").forEach(reason -> reasons.add(reason.asText()));
        return reasons;
    }

    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
