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
