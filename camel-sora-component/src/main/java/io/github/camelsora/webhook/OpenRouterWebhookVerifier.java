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
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies OpenRouter's webhook signatures (openrouter.ai/docs/cookbook/video-generation/video-generation-webhooks):
 * header {@code X-OpenRouter-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>,<raw body>")>}, the
 * timestamp within the tolerance of now (the cookbook's receiver allows 300 s), compared in constant time over the
 * body exactly as received. Deliveries are told apart by {@code X-OpenRouter-Idempotency-Key}. The secret is the
 * workspace's signing secret, used as its UTF-8 bytes. Thread-safe; no Camel needed.
 */
public final class OpenRouterWebhookVerifier {

    public static final String SIGNATURE_HEADER = "X-OpenRouter-Signature";
    public static final String IDEMPOTENCY_HEADER = "X-OpenRouter-Idempotency-Key";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Duration tolerance;
    private final Clock clock;

    public OpenRouterWebhookVerifier(String secret, Duration tolerance, Clock clock) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The webhook secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks one request; returns normally only when it is authentic.
     *
     * @throws WebhookVerificationException naming the check that failed
     */
    public void verify(String signature, byte[] rawBody) {
        if (signature == null || signature.isBlank()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MISSING_HEADER,
                    "The " + SIGNATURE_HEADER + " header is missing");
        }
        String timestamp = null;
        String given = null;
        for (String part : signature.split(",")) {
            String trimmed = part.trim();
            if (trimmed.startsWith("t=")) {
                timestamp = trimmed.substring(2);
            } else if (trimmed.startsWith("v1=")) {
                given = trimmed.substring(3);
            }
        }
        if (timestamp == null || timestamp.isEmpty() || timestamp.length() > 18
            || !timestamp.chars().allMatch(Character::isDigit)) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.INVALID_TIMESTAMP,
                    "The " + SIGNATURE_HEADER + " header has no t=<unix seconds>");
        }
        if (given == null) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.NO_SIGNATURE,
                    "The " + SIGNATURE_HEADER + " header has no v1 signature");
        }
        long seconds = Long.parseLong(timestamp);
        long now = clock.instant().getEpochSecond();
        if (now - seconds > tolerance.toSeconds()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.TIMESTAMP_TOO_OLD,
                    "The webhook timestamp is more than " + tolerance.toSeconds() + " s old");
        }
        if (seconds - now > tolerance.toSeconds()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.TIMESTAMP_TOO_NEW,
                    "The webhook timestamp is more than " + tolerance.toSeconds() + " s in the future");
        }
        byte[] expected = mac(timestamp, rawBody == null ? new byte[0] : rawBody);
        byte[] actual;
        try {
            actual = HexFormat.of().parseHex(given.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            actual = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.SIGNATURE_MISMATCH,
                    "No webhook signature matches the payload");
        }
    }

    /** The {@code X-OpenRouter-Signature} value for a payload. For senders and tests. */
    public String sign(long timestamp, byte[] rawBody) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(Long.toString(timestamp), rawBody));
    }

    private byte[] mac(String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update((timestamp + ",").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
