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
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Standard Webhooks signatures, the scheme the /v1/videos providers sign their {@code video.completed} and
 * {@code video.failed} events with. A request is authentic when all of these hold:
 * <ol>
 * <li>the headers {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} are present;</li>
 * <li>the timestamp (unix seconds) is within the tolerance of now, in either direction, which bounds replays;</li>
 * <li>one of the space-separated {@code v1,<base64>} entries of {@code webhook-signature} equals
 * {@code base64(HMAC-SHA256(key, id + "." + timestamp + "." + rawBody))}, compared in constant time.</li>
 * </ol>
 * The key is the base64 text after {@code whsec_} for secrets in that form, else the secret's UTF-8 bytes. The raw
 * body must be verified as received: re-serialised JSON would not match. Thread-safe; no Camel needed.
 */
public final class WebhookVerifier {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String SECRET_PREFIX = "whsec_";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Duration tolerance;
    private final Clock clock;

    /** A verifier with the default tolerance of 5 minutes and the system clock. */
    public WebhookVerifier(String secret) {
        this(secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /**
     * @param secret    the signing secret, {@code whsec_<base64>} or plain text
     * @param tolerance how far the timestamp may be from now, either way
     * @throws IllegalArgumentException for an empty secret or a {@code whsec_} secret that is not base64 (the
     *                                  message never repeats the secret)
     */
    public WebhookVerifier(String secret, Duration tolerance, Clock clock) {
        this.key = new SecretKeySpec(keyBytes(secret), HMAC);
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
    }

    /**
     * Checks one request; returns normally only when it is authentic.
     *
     * @param id        the {@code webhook-id} header
     * @param timestamp the {@code webhook-timestamp} header
     * @param signature the {@code webhook-signature} header
     * @param rawBody   the request body exactly as received
     * @throws WebhookVerificationException naming the check that failed
     */
    public void verify(String id, String timestamp, String signature, byte[] rawBody) {
        requireHeader(id, ID_HEADER);
        requireHeader(timestamp, TIMESTAMP_HEADER);
        requireHeader(signature, SIGNATURE_HEADER);
        long seconds = parseTimestamp(timestamp);
        long now = clock.instant().getEpochSecond();
        if (now - seconds > tolerance.toSeconds()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.TIMESTAMP_TOO_OLD,
                    "The webhook timestamp is more than " + tolerance.toSeconds() + " s old");
        }
        if (seconds - now > tolerance.toSeconds()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.TIMESTAMP_TOO_NEW,
                    "The webhook timestamp is more than " + tolerance.toSeconds() + " s in the future");
        }
        byte[] expected = mac(id, timestamp.trim(), rawBody == null ? new byte[0] : rawBody);
        boolean anyVersion1 = false;
        boolean matched = false;
        for (String entry : signature.trim().split(" +")) {
            if (!entry.startsWith("v1,")) {
                continue;
            }
            anyVersion1 = true;
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(3));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            // no early exit: every entry costs the same, whichever one matches
            matched |= MessageDigest.isEqual(expected, given);
        }
        if (!anyVersion1) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.NO_SIGNATURE,
                    "The webhook-signature header has no v1 signature");
        }
        if (!matched) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.SIGNATURE_MISMATCH,
                    "No webhook signature matches the payload");
        }
    }

    /** The {@code webhook-signature} value for a payload: {@code v1,<base64>}. For senders and tests. */
    public String sign(String id, long timestamp, byte[] rawBody) {
        return "v1," + Base64.getEncoder().encodeToString(mac(id, Long.toString(timestamp), rawBody));
    }

    private byte[] mac(String id, String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static long parseTimestamp(String timestamp) {
        String trimmed = timestamp.trim();
        if (trimmed.isEmpty() || trimmed.length() > 18 || !trimmed.chars().allMatch(Character::isDigit)) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.INVALID_TIMESTAMP,
                    "The webhook-timestamp header is not a number of seconds");
        }
        return Long.parseLong(trimmed);
    }

    private static void requireHeader(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MISSING_HEADER,
                    "The " + name + " header is missing");
        }
    }

    private static byte[] keyBytes(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The webhook secret is empty");
        }
        if (!secret.startsWith(SECRET_PREFIX)) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The webhook secret starts with whsec_ but the rest is not base64");
        }
        if (decoded.length == 0) {
            throw new IllegalArgumentException("The webhook secret has no key after whsec_");
        }
        return decoded;
    }
}
