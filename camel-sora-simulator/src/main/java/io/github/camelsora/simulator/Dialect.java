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
