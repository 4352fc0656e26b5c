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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * fal's webhook signature (docs.fal.ai/model-endpoints/webhooks, "Verifying your webhook"): four headers,
 * {@code X-Fal-Webhook-Request-Id}, {@code X-Fal-Webhook-User-Id}, {@code X-Fal-Webhook-Timestamp} (unix seconds,
 * accepted within the tolerance either way, 5 minutes by default as fal advises) and {@code X-Fal-Webhook-Signature}
 * (hex), an ED25519 signature over
 *
 * <pre>
 * request_id + "\n" + user_id + "\n" + timestamp + "\n" + hex(sha256(raw body))
 * </pre>
 *
 * checked against the public keys fal publishes as a JSON Web Key Set ({@code https://rest.fal.ai/.well-known/jwks.json},
 * {@code kty OKP, crv Ed25519}). The key set is fetched through the given source (the component fetches it under the
 * safe-fetch rules), kept for {@link #KEYS_MAX_AGE} as fal's docs allow, and fetched again early, at most every
 * {@link #REFRESH_AT_MOST_EVERY}, when no cached key verifies a signature (a rotated key). The request id, the same
 * on each of fal's retries, is the delivery key. No secret is held: fal signs with its private key.
 */
public final class FalWebhookScheme implements WebhookScheme {

    public static final String DEFAULT_JWKS_URL = "https://rest.fal.ai/.well-known/jwks.json";
    public static final String REQUEST_ID_HEADER = "X-Fal-Webhook-Request-Id";
    public static final String USER_ID_HEADER = "X-Fal-Webhook-User-Id";
    public static final String TIMESTAMP_HEADER = "X-Fal-Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Fal-Webhook-Signature";
    /** fal: "cache the JWKS for up to 24 hours". */
    public static final Duration KEYS_MAX_AGE = Duration.ofHours(24);
    public static final Duration REFRESH_AT_MOST_EVERY = Duration.ofMinutes(5);
    private static final Duration FETCH_WAIT = Duration.ofSeconds(30);
    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410): the raw 32-byte key follows it. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Keys(List<PublicKey> keys, Instant fetchedAt) {
    }

    private final Supplier<CompletableFuture<byte[]>> jwksSource;
    private final Duration tolerance;
    private final Clock clock;
    private volatile Keys cached;

    /**
     * @param jwksSource fetches the key set's JSON (called on first use and to refresh)
     * @param tolerance  how far the timestamp may be from now, either way
     */
    public FalWebhookScheme(Supplier<CompletableFuture<byte[]>> jwksSource, Duration tolerance, Clock clock) {
        this.jwksSource = Objects.requireNonNull(jwksSource, "jwksSource");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return FAL;
    }

    @Override
    public Verified verify(UnaryOperator<String> header, byte[] rawBody) {
        String requestId = require(header, REQUEST_ID_HEADER);
        String userId = require(header, USER_ID_HEADER);
        String timestamp = require(header, TIMESTAMP_HEADER).trim();
        String signatureHex = require(header, SIGNATURE_HEADER).trim();
        if (timestamp.isEmpty() || timestamp.length() > 18 || !timestamp.chars().allMatch(Character::isDigit)) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.INVALID_TIMESTAMP,
                    "The " + TIMESTAMP_HEADER + " header is not a number of seconds");
        }
        long seconds = Long.parseLong(timestamp);
        long now = clock.instant().getEpochSecond();
        if (now - seconds > tolerance.toSeconds()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.TIMESTAMP_TOO_OLD,
                    "The fal webhook timestamp is more than " + tolerance.toSeconds() + " s old");
        }
        if (seconds - now > tolerance.toSeconds()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.TIMESTAMP_TOO_NEW,
                    "The fal webhook timestamp is more than " + tolerance.toSeconds() + " s in the future");
        }
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(signatureHex);
        } catch (IllegalArgumentException notHex) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.NO_SIGNATURE,
                    "The " + SIGNATURE_HEADER + " header is not hexadecimal");
        }
        if (signature.length != 64) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.NO_SIGNATURE,
                    "The " + SIGNATURE_HEADER + " header is not an ED25519 signature");
        }
        byte[] message = (requestId + "\n" + userId + "\n" + timestamp + "\n"
                          + UnsignedWebhookScheme.sha256(rawBody)).getBytes(StandardCharsets.UTF_8);
        Keys keys = keys(false);
        if (!anyVerifies(keys.keys(), message, signature)) {
            boolean refreshed = false;
            if (Duration.between(keys.fetchedAt(), clock.instant()).compareTo(REFRESH_AT_MOST_EVERY) >= 0) {
                keys = keys(true);
                refreshed = true;
            }
            if (!refreshed || !anyVerifies(keys.keys(), message, signature)) {
                throw new WebhookVerificationException(WebhookVerificationException.Reason.SIGNATURE_MISMATCH,
                        "No key of fal's key set verifies the webhook signature");
            }
        }
        return new Verified("fal:" + requestId, requestId);
    }

    private static boolean anyVerifies(List<PublicKey> keys, byte[] message, byte[] signature) {
        boolean matched = false;
        for (PublicKey key : keys) {
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(message);
                matched |= verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                // a key or signature this JDK cannot use verifies nothing
            }
        }
        return matched;
    }

    private Keys keys(boolean refresh) {
        Keys current = cached;
        Instant now = clock.instant();
        if (!refresh && current != null && Duration.between(current.fetchedAt(), now).compareTo(KEYS_MAX_AGE) < 0) {
            return current;
        }
        synchronized (this) {
            Keys again = cached;
            if (again != null && again != current && !again.keys().isEmpty()) {
                return again; // another request fetched them meanwhile
            }
            try {
                byte[] json = jwksSource.get().get(FETCH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                Keys fetched = new Keys(parseJwks(json), clock.instant());
                cached = fetched;
                return fetched;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("interrupted");
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                if (current != null && !current.keys().isEmpty() && !refresh) {
                    return current;
                }
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                throw unavailable(cause == null ? e.toString() : cause.getClass().getSimpleName() + ": "
                                                                 + cause.getMessage());
            }
        }
    }

    private static WebhookVerificationException unavailable(String why) {
        return new WebhookVerificationException(WebhookVerificationException.Reason.KEYS_UNAVAILABLE,
                "fal's webhook key set could not be fetched (" + why + ")");
    }

    /** The Ed25519 keys of a JSON Web Key Set; other keys are skipped. */
    public static List<PublicKey> parseJwks(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("The key set is not JSON");
        }
        List<PublicKey> keys = new ArrayList<>();
        for (JsonNode key : root.path("keys")) {
            if (!"OKP".equals(key.path("kty").asText()) || !"Ed25519".equals(key.path("crv").asText())
                || !key.path("x").isTextual()) {
                continue;
            }
            try {
                keys.add(ed25519(Base64.getUrlDecoder().decode(key.path("x").asText())));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                // not a usable key
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("The key set has no Ed25519 key");
        }
        return List.copyOf(keys);
    }

    /** An Ed25519 public key from its raw 32 bytes (the JWK's {@code x}). */
    public static PublicKey ed25519(byte[] raw) throws GeneralSecurityException {
        if (raw.length != 32) {
            throw new GeneralSecurityException("an Ed25519 key has 32 bytes");
        }
        byte[] der = new byte[ED25519_SPKI_PREFIX.length + 32];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, der, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, der, ED25519_SPKI_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    /** The raw 32 bytes of an Ed25519 public key (for a JWK's {@code x}). */
    public static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        byte[] raw = new byte[32];
        System.arraycopy(der, der.length - 32, raw, 0, 32);
        return raw;
    }

    private static String require(UnaryOperator<String> header, String name) {
        String value = header.apply(name);
        if (value == null || value.isBlank()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MISSING_HEADER,
                    "The " + name + " header is missing");
        }
        return value;
    }
}
