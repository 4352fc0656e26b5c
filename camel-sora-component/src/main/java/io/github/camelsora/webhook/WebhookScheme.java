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

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * How one provider authenticates the callbacks it sends to {@code sora:webhook}. A scheme checks one request (its
 * headers and raw body) before anything else looks at it, and says under which key the delivery is remembered, so
 * that a replay or a repeated delivery is not handled twice.
 * <p>
 * Bundled: {@link StandardWebhooksScheme} (OpenAI, Replicate: an HMAC secret), {@link FalWebhookScheme} (an ED25519
 * signature checked against fal's published key set), {@link OpenRouterWebhookScheme} (its own HMAC header) and {@link UnsignedWebhookScheme} (providers whose callbacks
 * carry no signature, e.g. BytePlus ModelArk's {@code callback_url}: such a callback is only a reason to read the job
 * again from the provider, never trusted as the job's result). Thread-safe; no Camel needed.
 */
public interface WebhookScheme {

    /** The scheme names of the {@code webhookScheme} option. */
    String STANDARD_WEBHOOKS = "standard-webhooks";
    String FAL = "fal";
    String OPENROUTER = "openrouter";
    String NONE = "none";

    /** This scheme's name, as the {@code webhookScheme} option spells it. */
    String name();

    /**
     * Checks one request; returns normally only when it may be acted on.
     *
     * @param header  the request's header of a name (case-insensitive), or {@code null}
     * @param rawBody the body exactly as received
     * @return the key under which this delivery is remembered (replays and repeated deliveries share it)
     * @throws WebhookVerificationException naming the check that failed (never a secret)
     */
    Verified verify(UnaryOperator<String> header, byte[] rawBody);

    /**
     * Whether a verified request of this scheme is authenticated: {@code false} for unsigned callbacks, whose content
     * must never reach a route or stand for the job's state (only the job read again from the provider may).
     */
    default boolean authenticates() {
        return true;
    }

    /**
     * A verified delivery.
     *
     * @param deliveryKey    the key for replay protection and de-duplication
     * @param signedObjectId the job the signed part of the request names (fal signs the request id in a header),
     *                       or {@code null} when only the body names it
     */
    record Verified(String deliveryKey, String signedObjectId) {
    }

    /** The scheme name in canonical form; {@link IllegalArgumentException} for an unknown one. */
    static String canonical(String name) {
        String value = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case STANDARD_WEBHOOKS, "standard", "standardwebhooks", "openai", "replicate" -> STANDARD_WEBHOOKS;
            case FAL, "fal-ed25519" -> FAL;
            case OPENROUTER -> OPENROUTER;
            case NONE, "unsigned", "byteplus" -> NONE;
            default -> throw new IllegalArgumentException("Unknown webhookScheme '" + name + "'; known: "
                                                          + STANDARD_WEBHOOKS + ", " + FAL + ", " + OPENROUTER + ", "
                                                          + NONE);
        };
    }
}
