package io.github.camelsora.webhook;

import java.util.function.UnaryOperator;

/**
 * Standard Webhooks (standardwebhooks.com), as OpenAI and Replicate sign their callbacks: {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature: v1,<base64 HMAC-SHA256(id.timestamp.body)>} with a
 * {@code whsec_} secret (Replicate's comes from {@code GET /v1/webhooks/default/secret}; see
 * replicate.com/docs/topics/webhooks/verify-webhook). The timestamp must be within the tolerance either way; the
 * {@code webhook-id}, the same on every retry of one event, is the delivery key.
 */
public final class StandardWebhooksScheme implements WebhookScheme {

    private final WebhookVerifier verifier;

    public StandardWebhooksScheme(WebhookVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public String name() {
        return STANDARD_WEBHOOKS;
    }

    @Override
    public Verified verify(UnaryOperator<String> header, byte[] rawBody) {
        String id = header.apply(WebhookVerifier.ID_HEADER);
        verifier.verify(id, header.apply(WebhookVerifier.TIMESTAMP_HEADER),
                header.apply(WebhookVerifier.SIGNATURE_HEADER), rawBody);
        return new Verified(id, null);
    }
}
