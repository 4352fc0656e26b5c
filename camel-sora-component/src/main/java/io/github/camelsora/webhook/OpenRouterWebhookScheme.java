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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * OpenRouter's video callbacks: {@code X-OpenRouter-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(t.body)>} with the
 * webhook's secret, checked by {@link OpenRouterWebhookVerifier} (timestamp within the tolerance either way). The
 * delivery key is {@code X-OpenRouter-Idempotency-Key}, the same on every retry of one event; without it, the SHA-256
 * of the signed body (a redelivery carries the same body).
 */
public final class OpenRouterWebhookScheme implements WebhookScheme {

    private final OpenRouterWebhookVerifier verifier;

    public OpenRouterWebhookScheme(OpenRouterWebhookVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public String name() {
        return OPENROUTER;
    }

    @Override
    public Verified verify(UnaryOperator<String> header, byte[] rawBody) {
        verifier.verify(header.apply(OpenRouterWebhookVerifier.SIGNATURE_HEADER), rawBody);
        String key = header.apply(OpenRouterWebhookVerifier.IDEMPOTENCY_HEADER);
        if (key == null || key.isBlank()) {
            try {
                key = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawBody));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is always available", e);
            }
        }
        return new Verified(key, null);
    }
}
