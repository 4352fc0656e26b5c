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

/**
 * Which server the simulator imitates. The protocol is the same; the differences are those a client must cope with
 * when it talks to that server instead of OpenAI.
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
     * content variant labelled {@code video/mp4}, and no {@code DELETE} route.
     */
    LITELLM,
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
}
