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

import java.util.EnumSet;
import java.util.Set;

/**
 * Which server the simulator imitates. Most speak a dialect of the {@code /v1/videos} job protocol, the others their
 * own job API (Veo on Gemini and Vertex, Bedrock, fal, Replicate, BytePlus), each written from that server's own
 * documentation or code (cited per constant); the differences are those a client must cope with when it talks to that
 * server instead of OpenAI: routes, auth, id shapes, status words, request encoding and types, where the result and
 * the cost are.
 */
public enum Dialect {
    /** OpenAI's own API: {@code /v1/videos}, {@code Authorization: Bearer}, the Sora 2 model slugs. */
    OPENAI,
    /**
     * Azure OpenAI's v1 surface: {@code /openai/v1/videos}, the key in an {@code api-key} header (or an Entra token
     * as {@code Authorization: Bearer}), {@code model} is the name of a deployment, 720p only, 4/8/12 seconds.
     */
    AZURE,
    /**
     * The LiteLLM proxy: ids rewritten into opaque {@code video_<base64>} / {@code char_<base64>} tokens, every
     * content variant labelled {@code video/mp4}, no {@code DELETE} route, and a rendering job reported as
     * {@code processing}, as its Bedrock and Gemini backends do (BerriAI/litellm
     * {@code litellm/llms/bedrock/videos/transformation.py}, {@code .../gemini/videos/transformation.py}).
     */
    LITELLM,
    /**
     * CometAPI's shared {@code /v1/videos} route (apidoc.cometapi.com/api/video/veo3/self-developed/
     * veo3-async-generation, veo3-retrive): multipart create only, {@code task_} ids (also as {@code task_id}),
     * {@code seconds} answered as {@code ""}, {@code size} as the orientation hint {@code 16x9}/{@code 9x16}, the
     * result URL in {@code video_url} (a signed link), a failed job reported as {@code error}.
     */
    COMETAPI,
    /**
     * SGLang's diffusion server ({@code sgl-project/sglang .../entrypoints/openai/video_api.py}): JSON create with
     * {@code seconds} as a number (a multipart create needs an {@code input_reference}), request ids without
     * prefix, {@code queued} until {@code completed} or {@code failed} with {@code error: {message}}, DELETE answers
     * the job with status {@code deleted}, errors as FastAPI's {@code {"detail": ...}}.
     */
    SGLANG,
    /**
     * vLLM-Omni ({@code vllm-project/vllm-omni docs/serving/videos_api.md}): multipart create only, OpenAI's fields
     * plus extension fields ({@code negative_prompt}, {@code seed}, {@code generate_sound}, {@code width}...), ids
     * {@code video-...}, queued, in_progress, completed.
     */
    VLLM,
    /**
     * OpenRouter's {@code /api/v1/videos} (openrouter.ai/docs/api/api-reference/video-generation): 202 Accepted
     * with {@code polling_url}, {@code duration} (a number), {@code resolution} and {@code aspect_ratio} instead of
     * {@code size}, {@code pending} first, the result in {@code unsigned_urls} (the authenticated content route),
     * {@code usage.cost}, {@code error} as a string; webhooks signed {@code X-OpenRouter-Signature: t=..,v1=..}.
     */
    OPENROUTER,
    /**
     * Merge Gateway (docs.merge.dev/merge-gateway/api-overview/videos): 202 Accepted, {@code vid_} ids,
     * {@code seconds} a number, {@code size} a label such as {@code 768P}, the cost in {@code cost}.
     */
    MERGE,
    /**
     * new-api (QuantumNous/new-api {@code router/video-router.go}): create, retrieve, content and remix only, with
     * {@code task_} ids.
     */
    NEWAPI,
    /** Bifrost (maximhq): OpenAI's routes and words, any model. */
    BIFROST,
    /**
     * Inworld Router (docs.inworld.ai/api-reference/videoAPI/retrieve-video.md): {@code Authorization: Basic <key>},
     * create and retrieve only, the result as a signed link in {@code output.videos[0].url}, new on each read.
     */
    INWORLD,
    /**
     * Veo through the Gemini API: {@code POST /v1beta/models/{model}:predictLongRunning}, the long-running operation
     * at {@code GET /v1beta/models/{model}/operations/{id}}, the video at
     * {@code GET /v1beta/files/{id}:download?alt=media}; the key in {@code x-goog-api-key} (or {@code ?key=}); errors
     * as {@code {"error": {"code", "message", "status"}}}; videos kept for two days. See {@link GeminiDialect}.
     */
    GEMINI,
    /**
     * Veo on Vertex AI: {@code predictLongRunning} and {@code fetchPredictOperation} under
     * {@code /v1/projects/sim-project/locations/us-central1/publishers/google/models/}, the video inline as base64 or,
     * with {@code storageUri}, in "Cloud Storage" served at {@code /download/storage/v1/b/{bucket}/o/{object}}; an
     * access token as {@code Authorization: Bearer}. See {@link VertexDialect}.
     */
    VERTEX,
    /**
     * Amazon Bedrock async invoke: {@code POST /async-invoke} and {@code GET /async-invoke/{invocationArn}}, SigV4
     * (the key is the access key id), Nova Reel and Luma Ray2 inputs, the video written to an S3 store. See
     * {@link BedrockDialect}.
     */
    BEDROCK,
    /**
     * fal.ai's queue API: {@code POST /{model id}} with the model's input and {@code Authorization: Key}, status and
     * result under {@code /{app}/requests/{request_id}}, the video on a media host ({@code localhost} instead of
     * {@code 127.0.0.1}: another origin), callbacks to {@code ?fal_webhook=} signed with ED25519, keys at
     * {@code /.well-known/jwks.json}.
     */
    FAL,
    /**
     * Replicate's predictions: {@code /v1/models/{owner}/{name}/predictions} or {@code /v1/predictions} with a version,
     * {@code GET /v1/predictions/{id}}, outputs on a file host, {@code webhook} callbacks signed with Standard
     * Webhooks ({@link SoraSimulator#callbackSecret()}).
     */
    REPLICATE,
    /**
     * BytePlus ModelArk's content generation tasks: {@code /api/v3/contents/generations/tasks}, {@code cgt-} ids,
     * {@code content.video_url} on a file host, {@code DELETE} cancels a queued task, unsigned {@code callback_url}
     * callbacks.
     */
    BYTEPLUS;

    /** Whether this dialect is a model marketplace's own job API rather than the /v1/videos protocol. */
    boolean isMarketplace() {
        return this == FAL || this == REPLICATE || this == BYTEPLUS;
    }

    /** The path the routes hang under. */
    String basePath() {
        return switch (this) {
            case AZURE -> "/openai/v1";
            case OPENROUTER -> "/api/v1";
            case GEMINI -> GeminiDialect.PREFIX;
            case VERTEX -> VertexDialect.PREFIX;
            case BEDROCK, FAL -> "";
            case BYTEPLUS -> "/api/v3";
            default -> "/v1";
        };
    }

    /** Whether create requests are held to OpenAI's model, size and seconds tables (else any model). */
    boolean strictModels() {
        return this == OPENAI || this == AZURE || this == LITELLM;
    }

    /** The routes this server has. */
    Set<Route> routes() {
        return switch (this) {
            case LITELLM -> EnumSet.complementOf(EnumSet.of(Route.DELETE));
            case COMETAPI -> EnumSet.of(Route.CREATE, Route.RETRIEVE, Route.CONTENT);
            case SGLANG, VLLM, MERGE -> EnumSet.of(Route.CREATE, Route.RETRIEVE, Route.LIST, Route.DELETE,
                    Route.CONTENT);
            case OPENROUTER -> EnumSet.of(Route.CREATE, Route.RETRIEVE, Route.CONTENT);
            case NEWAPI -> EnumSet.of(Route.CREATE, Route.RETRIEVE, Route.CONTENT, Route.REMIX);
            case BIFROST -> EnumSet.of(Route.CREATE, Route.RETRIEVE, Route.LIST, Route.DELETE, Route.CONTENT,
                    Route.REMIX);
            case INWORLD -> EnumSet.of(Route.CREATE, Route.RETRIEVE);
            default -> EnumSet.allOf(Route.class);
        };
    }

    /** The HTTP status of a successful create. */
    int createStatus() {
        return this == OPENROUTER || this == MERGE ? 202 : 200;
    }

    /** A new job id in this server's shape. */
    String newId() {
        String hex = ApiExchange.randomHex();
        return switch (this) {
            case COMETAPI, NEWAPI -> "task_" + hex;
            case MERGE -> "vid_" + hex;
            case SGLANG -> hex;
            case VLLM -> "video-" + hex;
            case OPENROUTER -> "job-" + hex;
            default -> "video_" + hex;
        };
    }

    /** This server's word for a status. */
    String statusWord(JobStatus status) {
        return switch (this) {
            case LITELLM -> status == JobStatus.IN_PROGRESS ? "processing" : status.wireName();
            case OPENROUTER -> status == JobStatus.QUEUED ? "pending" : status.wireName();
            case COMETAPI -> status == JobStatus.FAILED ? "error" : status.wireName();
            // SGLang's job is queued until the scheduler finishes it
            case SGLANG -> status == JobStatus.IN_PROGRESS ? "queued" : status.wireName();
            default -> status.wireName();
        };
    }
}
