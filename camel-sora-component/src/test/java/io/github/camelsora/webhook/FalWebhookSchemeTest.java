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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelsora.webhook.WebhookVerificationException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** fal's ED25519 webhook signature against a local key set: each forgery is named by the check that fails. */
class FalWebhookSchemeTest {

    private static final long NOW = 1_764_460_000L;
    private static final byte[] BODY = ("{ \"request_id\": \"req-1\",  \"gateway_request_id\": \"req-1\", \"status\":"
                                        + " \"OK\", \"payload\": {\"video\": {\"url\": \"https://v3.fal.media/a.mp4\"}}}")
            .getBytes(StandardCharsets.UTF_8);

    private final KeyPair fal = keyPair();
    private final KeyPair other = keyPair();
    private final AtomicReference<byte[]> jwks = new AtomicReference<>(jwks(fal));
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.ofEpochSecond(NOW));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final FalWebhookScheme scheme = new FalWebhookScheme(() -> {
        fetches.incrementAndGet();
        return CompletableFuture.completedFuture(jwks.get());
    }, Duration.ofSeconds(300), clock);

    static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] jwks(KeyPair... pairs) {
        StringBuilder keys = new StringBuilder();
        for (KeyPair pair : pairs) {
            keys.append(keys.length() == 0 ? "" : ",").append("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"")
                    .append(Base64.getUrlEncoder().withoutPadding().encodeToString(FalWebhookScheme.raw(pair.getPublic())))
                    .append("\"}");
        }
        return ("{\"keys\":[" + keys + "]}").getBytes(StandardCharsets.UTF_8);
    }

    /** Signed here from fal's documented message, independently of the class under test. */
    static Map<String, String> signed(KeyPair pair, String requestId, String userId, long timestamp, byte[] body)
            throws Exception {
        String message = requestId + "\n" + userId + "\n" + timestamp + "\n"
                         + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(message.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new HashMap<>();
        headers.put("x-fal-webhook-request-id", requestId);
        headers.put("x-fal-webhook-user-id", userId);
        headers.put("x-fal-webhook-timestamp", Long.toString(timestamp));
        headers.put("x-fal-webhook-signature", HexFormat.of().formatHex(signer.sign()));
        return headers;
    }

    private WebhookScheme.Verified verify(Map<String, String> headers, byte[] body) {
        return scheme.verify(name -> headers.get(name.toLowerCase(java.util.Locale.ROOT)), body);
    }

    @Test
    void acceptsFalsSignatureAndNamesTheRequest() throws Exception {
        WebhookScheme.Verified verified = verify(signed(fal, "req-1", "user-1", NOW, BODY), BODY);
        assertThat(verified.deliveryKey()).isEqualTo("fal:req-1");
        assertThat(verified.signedObjectId()).isEqualTo("req-1");
        // the key set is kept: a second request fetches nothing
        verify(signed(fal, "req-2", "user-1", NOW, BODY), BODY);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void refusesAnotherKey() throws Exception {
        assertThatThrownBy(() -> verify(signed(other, "req-1", "user-1", NOW, BODY), BODY))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
    }

    @Test
    void refusesAnAlteredBodyOrHeader() throws Exception {
        Map<String, String> headers = signed(fal, "req-1", "user-1", NOW, BODY);
        byte[] altered = new String(BODY, StandardCharsets.UTF_8).replace("a.mp4", "b.mp4")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verify(headers, altered)).hasMessageContaining("No key");
        Map<String, String> otherUser = new HashMap<>(headers);
        otherUser.put("x-fal-webhook-user-id", "user-2");
        assertThatThrownBy(() -> verify(otherUser, BODY)).hasMessageContaining("No key");
    }

    @Test
    void refusesStaleAndFutureTimestamps() throws Exception {
        assertThatThrownBy(() -> verify(signed(fal, "req-1", "user-1", NOW - 301, BODY), BODY))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD));
        assertThatThrownBy(() -> verify(signed(fal, "req-1", "user-1", NOW + 301, BODY), BODY))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(Reason.TIMESTAMP_TOO_NEW));
    }

    @Test
    void refusesEachMissingHeader() throws Exception {
        for (String name : new String[] { "x-fal-webhook-request-id", "x-fal-webhook-user-id",
                "x-fal-webhook-timestamp", "x-fal-webhook-signature" }) {
            Map<String, String> headers = signed(fal, "req-1", "user-1", NOW, BODY);
            headers.remove(name);
            assertThatThrownBy(() -> verify(headers, BODY)).as(name)
                    .isInstanceOfSatisfying(WebhookVerificationException.class,
                            e -> assertThat(e.getReason()).isEqualTo(Reason.MISSING_HEADER));
        }
    }

    @Test
    void refusesMalformedSignaturesAndTimestamps() throws Exception {
        Map<String, String> headers = signed(fal, "req-1", "user-1", NOW, BODY);
        headers.put("x-fal-webhook-signature", "not-hex");
        assertThatThrownBy(() -> verify(headers, BODY)).isInstanceOf(WebhookVerificationException.class);
        headers.put("x-fal-webhook-signature", "abcd");
        assertThatThrownBy(() -> verify(headers, BODY)).isInstanceOf(WebhookVerificationException.class);
        Map<String, String> time = signed(fal, "req-1", "user-1", NOW, BODY);
        time.put("x-fal-webhook-timestamp", "1e9");
        assertThatThrownBy(() -> verify(time, BODY))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(Reason.INVALID_TIMESTAMP));
    }

    @Test
    void aRotatedKeyIsFetchedAgainButNotOnEveryForgery() throws Exception {
        verify(signed(fal, "req-1", "user-1", NOW, BODY), BODY);
        jwks.set(jwks(other)); // fal rotated its key
        // within five minutes of the last fetch a signature by an unknown key is refused without asking fal again
        assertThatThrownBy(() -> verify(signed(other, "req-2", "user-1", NOW, BODY), BODY))
                .isInstanceOf(WebhookVerificationException.class);
        assertThat(fetches).hasValue(1);
        now.set(Instant.ofEpochSecond(NOW + 400));
        verify(signed(other, "req-3", "user-1", NOW + 400, BODY), BODY);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aKeySetThatCannotBeFetchedIsNotTheSendersFault() throws Exception {
        FalWebhookScheme failing = new FalWebhookScheme(() -> CompletableFuture.failedFuture(
                new java.io.IOException("connection refused")), Duration.ofSeconds(300), clock);
        Map<String, String> headers = signed(fal, "req-1", "user-1", NOW, BODY);
        assertThatThrownBy(() -> failing.verify(name -> headers.get(name.toLowerCase(java.util.Locale.ROOT)), BODY))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(Reason.KEYS_UNAVAILABLE));
    }

    @Test
    void keySetsWithoutEd25519KeysAreRefused() {
        assertThatThrownBy(() -> FalWebhookScheme.parseJwks("{\"keys\":[{\"kty\":\"RSA\",\"n\":\"x\"}]}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        assertThat(FalWebhookScheme.parseJwks(jwks(fal, other))).hasSize(2);
    }
}
