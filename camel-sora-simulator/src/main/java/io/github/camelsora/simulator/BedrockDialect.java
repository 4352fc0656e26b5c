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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Amazon Bedrock's async invoke, as AWS documents it (docs.aws.amazon.com/bedrock/latest/APIReference/
 * API_runtime_StartAsyncInvoke.html, API_runtime_GetAsyncInvoke.html; the request shapes of Amazon Nova Reel,
 * docs.aws.amazon.com/nova/latest/userguide/video-gen-access.html, and Luma Ray2,
 * docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-luma.html):
 * <ul>
 * <li>{@code POST /async-invoke} {@code {clientRequestToken, modelId, modelInput, outputDataConfig:
 * {s3OutputDataConfig: {s3Uri}}}} answers {@code {invocationArn}}; the same token answers the same ARN and starts
 * nothing (the API's idempotency);</li>
 * <li>{@code GET /async-invoke/{invocationArn}}: {@code status} {@code InProgress}, {@code Completed} or
 * {@code Failed} (with {@code failureMessage}), {@code outputDataConfig.s3OutputDataConfig.s3Uri} the job's folder
 * ({@code <s3Uri>/<invocation id>}), where the video is {@code output.mp4};</li>
 * <li>errors: the type in {@code x-amzn-ErrorType}, {@code {"message"}} as body (the REST-JSON protocol).</li>
 * </ul>
 * Requests must be SigV4-signed with the simulator's key as access key id (the credential scope is checked, not the
 * signature). A completed job's MP4 is written to the S3 store given to the builder
 * ({@link SoraSimulator.Builder#s3Output}), signed with SigV4 as Bedrock's service role would, before its status says
 * {@code Completed}.
 */
final class BedrockDialect {

    static final String PATH = "/async-invoke";
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";
    private static final Set<String> NOVA_REEL = Set.of("amazon.nova-reel-v1:0", "amazon.nova-reel-v1:1");
    private static final String LUMA_RAY2 = "luma.ray-v2:0";
    private static final List<String> LUMA_RATIOS = List.of("1:1", "16:9", "9:16", "4:3", "3:4", "21:9", "9:21");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final HttpClient S3 = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private BedrockDialect() {
    }

    static GeminiDialect.Target resolve(String method, String rawPath) throws ApiException {
        if (rawPath.equals(PATH)) {
            require(method, "POST");
            return new GeminiDialect.Target(Route.CREATE, null);
        }
        if (rawPath.startsWith(PATH + "/") && rawPath.length() > PATH.length() + 1) {
            require(method, "GET");
            return new GeminiDialect.Target(Route.RETRIEVE, URLDecoder.decode(rawPath.substring(PATH.length() + 1)
                    .replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        throw error(404, "UnknownOperationException", "Unknown operation " + method + " " + rawPath);
    }

    /** A SigV4 Authorization whose credential is the simulator's key; anything else is refused as AWS does. */
    static void authenticate(ApiExchange exchange, SimulatorState state) throws ApiException {
        String authorization = exchange.requestHeader("Authorization");
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            throw error(403, "AccessDeniedException", "Missing Authentication Token");
        }
        if (!authorization.contains("Credential=" + state.apiKey + "/")) {
            throw error(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }
    }

    static ObjectNode errorBody(ApiException e) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("message", e.getMessage());
        return body;
    }

    /** The error type header of an answer (the fault injector's errors get the type of their status). */
    static Map<String, String> errorHeaders(ApiException e) {
        String type = e.type() != null && Character.isUpperCase(e.type().charAt(0)) ? e.type() : typeOf(e.status());
        java.util.Map<String, String> headers = new java.util.HashMap<>(e.headers());
        headers.put("x-amzn-ErrorType", type);
        return headers;
    }

    static EndpointHandler handler(Route route, SimulatorState state) {
        return switch (route) {
            case CREATE -> (exchange, ignored) -> start(exchange, state);
            case RETRIEVE -> (exchange, arn) -> get(exchange, arn, state);
            default -> throw new IllegalArgumentException(route.name());
        };
    }

    // ---- StartAsyncInvoke ----

    private static void start(ApiExchange exchange, SimulatorState state) throws IOException, ApiException {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(exchange.readBody());
        } catch (IOException e) {
            throw error(400, "SerializationException", "The request body is not valid JSON.");
        }
        if (body == null || !body.isObject()) {
            throw error(400, "SerializationException", "The request body is not a JSON object.");
        }
        String modelId = body.path("modelId").asText("");
        String s3Uri = body.path("outputDataConfig").path("s3OutputDataConfig").path("s3Uri").asText("");
        if (!s3Uri.startsWith("s3://") || s3Uri.length() <= 5) {
            throw error(400, "ValidationException", "1 validation error detected: Value at"
                    + " 'outputDataConfig.s3OutputDataConfig.s3Uri' failed to satisfy constraint: an s3:// URI.");
        }
        String token = body.path("clientRequestToken").asText(null);
        if (token != null) {
            String known = state.bedrockTokens.get(token);
            if (known != null) {
                ObjectNode answer = Json.MAPPER.createObjectNode();
                answer.put("invocationArn", known);
                exchange.sendJson(200, answer); // the same token: the same invocation, nothing new started
                return;
            }
        }
        VideoSpec spec = spec(modelId, body.path("modelInput"));
        String id = ApiExchange.randomHex().substring(0, 12);
        String arn = "arn:aws:bedrock:" + REGION + ":" + ACCOUNT + ":async-invoke/" + id;
        String folder = (s3Uri.endsWith("/") ? s3Uri.substring(0, s3Uri.length() - 1) : s3Uri) + "/" + id;
        if (token != null && state.bedrockTokens.putIfAbsent(token, arn) != null) {
            ObjectNode answer = Json.MAPPER.createObjectNode();
            answer.put("invocationArn", state.bedrockTokens.get(token));
            exchange.sendJson(200, answer);
            return;
        }
        state.outputs.put(arn, folder);
        state.createJob(arn, spec, null, 0);
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("invocationArn", arn);
        exchange.sendJson(200, answer);
    }

    private static VideoSpec spec(String modelId, JsonNode input) throws ApiException {
        if (NOVA_REEL.contains(modelId)) {
            if (!"TEXT_VIDEO".equals(input.path("taskType").asText())) {
                throw validation("taskType must be TEXT_VIDEO (the simulator renders single-shot videos)");
            }
            String text = input.path("textToVideoParams").path("text").asText("");
            if (text.isBlank() || text.length() > 512) {
                throw validation("textToVideoParams.text must be 1 to 512 characters");
            }
            JsonNode config = input.path("videoGenerationConfig");
            int seconds = config.path("durationSeconds").asInt(6);
            if (seconds != 6) {
                throw validation("durationSeconds must be 6 for TEXT_VIDEO");
            }
            if (config.has("fps") && config.path("fps").asInt() != 24) {
                throw validation("fps must be 24");
            }
            if (!config.path("dimension").asText("1280x720").equals("1280x720")) {
                throw validation("dimension must be 1280x720");
            }
            return new VideoSpec(text, modelId, new FrameSize(1280, 720), seconds);
        }
        if (LUMA_RAY2.equals(modelId)) {
            String prompt = input.path("prompt").asText("");
            if (prompt.isBlank() || prompt.length() > 5000) {
                throw validation("prompt must be 1 to 5000 characters");
            }
            String ratio = input.path("aspect_ratio").asText("16:9");
            if (!LUMA_RATIOS.contains(ratio)) {
                throw validation("aspect_ratio must be one of " + LUMA_RATIOS);
            }
            String resolution = input.path("resolution").asText("720p");
            int height = switch (resolution) {
                case "540p" -> 540;
                case "720p" -> 720;
                default -> throw validation("resolution must be 540p or 720p");
            };
            String duration = input.path("duration").asText("5s");
            if (!duration.equals("5s") && !duration.equals("9s")) {
                throw validation("duration must be 5s or 9s");
            }
            String[] parts = ratio.split(":");
            int a = Integer.parseInt(parts[0]);
            int b = Integer.parseInt(parts[1]);
            FrameSize size = a >= b ? new FrameSize(height * a / b / 2 * 2, height)
                    : new FrameSize(height, height * b / a / 2 * 2);
            return new VideoSpec(prompt, modelId, size, Integer.parseInt(duration.substring(0, 1)));
        }
        throw error(400, "ValidationException", "The provided model identifier is invalid: " + modelId);
    }

    // ---- GetAsyncInvoke ----

    private static void get(ApiExchange exchange, String arn, SimulatorState state) throws IOException, ApiException {
        VideoJob job = state.jobs.find(arn).orElseThrow(() -> error(404, "ResourceNotFoundException",
                "The specified invocation ARN does not exist: " + arn));
        JobSnapshot snapshot = state.snapshot(job);
        state.counters.statusRead(arn);
        String folder = state.outputs.get(arn);
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("invocationArn", arn);
        answer.put("modelArn", "arn:aws:bedrock:" + REGION + "::foundation-model/" + job.model());
        answer.put("submitTime", job.createdAt().toString());
        String status;
        if (!snapshot.status().isTerminal()) {
            status = "InProgress";
            answer.put("lastModifiedTime", job.createdAt().toString());
        } else if (snapshot.status() == JobStatus.FAILED) {
            status = "Failed";
            answer.put("failureMessage", snapshot.error().code().contains("moderation")
                    ? "The output video has been blocked by our content filters. " + snapshot.error().message()
                    : snapshot.error().message());
        } else {
            writeOutput(job, folder, state);
            status = "Completed";
        }
        if (snapshot.status().isTerminal()) {
            Instant end = job.finishesAt();
            answer.put("lastModifiedTime", end.toString());
            answer.put("endTime", end.toString());
        }
        answer.put("status", status);
        answer.putObject("outputDataConfig").putObject("s3OutputDataConfig").put("s3Uri", folder);
        exchange.sendJson(200, answer);
    }

    /** Puts {@code <folder>/output.mp4} into the S3 store, once, SigV4-signed. */
    private static void writeOutput(VideoJob job, String folder, SimulatorState state) throws ApiException {
        if (state.s3Endpoint == null || !state.bedrockWritten.add(job.id())) {
            return;
        }
        String path = folder.substring("s3://".length()) + "/output.mp4";
        try (FileChannel mp4 = GeminiDialect.openVideo(job, state); InputStream in = Channels.newInputStream(mp4)) {
            byte[] bytes = in.readAllBytes();
            HttpResponse<String> response = S3.send(signedPut(state, path, bytes),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                state.bedrockWritten.remove(job.id());
                throw error(500, "InternalServerException", "writing s3://" + path + " failed: HTTP "
                        + response.statusCode() + " " + response.body());
            }
            state.counters.downloaded(job.id()); // the video left the simulator once
        } catch (IOException | GeneralSecurityException e) {
            state.bedrockWritten.remove(job.id());
            throw error(500, "InternalServerException", "writing s3://" + path + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state.bedrockWritten.remove(job.id());
            throw error(500, "InternalServerException", "interrupted");
        }
    }

    /** A path-style S3 PUT, signed with AWS Signature Version 4 (docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html). */
    static HttpRequest signedPut(SimulatorState state, String bucketAndKey, byte[] body)
            throws GeneralSecurityException {
        URI endpoint = URI.create(state.s3Endpoint);
        String host = endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
        StringBuilder canonicalUri = new StringBuilder();
        for (String segment : bucketAndKey.split("/")) {
            canonicalUri.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20")
                    .replace("*", "%2A").replace("%7E", "~"));
        }
        Instant now = Instant.now();
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        String payloadHash = hex(MessageDigest.getInstance("SHA-256").digest(body));
        String signedHeaders = "host;x-amz-content-sha256;x-amz-date";
        String canonicalRequest = "PUT\n" + canonicalUri + "\n\nhost:" + host + "\nx-amz-content-sha256:" + payloadHash
                + "\nx-amz-date:" + amzDate + "\n\n" + signedHeaders + "\n" + payloadHash;
        String scope = date + "/" + REGION + "/s3/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + state.s3SecretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, REGION);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        String signature = hex(hmac(key, stringToSign));
        return HttpRequest.newBuilder(URI.create(state.s3Endpoint + canonicalUri))
                .timeout(Duration.ofSeconds(30))
                .header("x-amz-content-sha256", payloadHash)
                .header("x-amz-date", amzDate)
                .header("Content-Type", "video/mp4")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + state.s3AccessKey + "/" + scope
                        + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static ApiException validation(String message) {
        return error(400, "ValidationException", "Malformed input request: " + message + ", please reformat your"
                + " input and try again.");
    }

    static ApiException error(int status, String type, String message) {
        return new ApiException(status, type, message, null, type, null);
    }

    private static String typeOf(int status) {
        return switch (status) {
            case 400 -> "ValidationException";
            case 403 -> "AccessDeniedException";
            case 404 -> "ResourceNotFoundException";
            case 409 -> "ConflictException";
            case 429 -> "ThrottlingException";
            case 503 -> "ServiceUnavailableException";
            default -> status >= 500 ? "InternalServerException" : "ValidationException";
        };
    }

    private static void require(String method, String allowed) throws ApiException {
        if (!method.equals(allowed)) {
            throw error(405, "UnknownOperationException", "Method " + method + " is not allowed.");
        }
    }
}
