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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelsora.webhook.WebhookVerificationException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookVerifierTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
    private static final long NOW = 1_758_941_485L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final byte[] BODY = ("{\"id\":\"evt_1\",\"object\":\"event\",\"created_at\":1758941485,"
                                        + "\"type\":\"video.completed\",\"data\":{\"id\":\"video_1\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private final WebhookVerifier verifier = new WebhookVerifier(SECRET, Duration.ofSeconds(300), CLOCK);

    /** Computed here independently of the class under test, from the Standard Webhooks definition. */
    private static String signature(byte[] key, String id, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    @Test
    void acceptsAValidSignature() throws Exception {
        assertThatCode(() -> verifier.verify("msg_1", Long.toString(NOW), signature(KEY, "msg_1", NOW, BODY), BODY))
                .doesNotThrowAnyException();
        assertThat(verifier.sign("msg_1", NOW, BODY)).isEqualTo(signature(KEY, "msg_1", NOW, BODY));
    }

    @Test
    void acceptsWhenAnyOfSeveralEntriesMatches() throws Exception {
        String header = "v1,Zm9yZ2Vk v2,whatever " + signature(KEY, "msg_1", NOW, BODY) + " v1,not*base64";
        assertThatCode(() -> verifier.verify("msg_1", Long.toString(NOW), header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void aPlainSecretIsUsedAsItsUtf8Bytes() throws Exception {
        WebhookVerifier plain = new WebhookVerifier("my-plain-secret", Duration.ofSeconds(300), CLOCK);
        String header = signature("my-plain-secret".getBytes(StandardCharsets.UTF_8), "msg_1", NOW, BODY);
        assertThatCode(() -> plain.verify("msg_1", Long.toString(NOW), header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAForgedSignature() {
        String forged = "v1," + Base64.getEncoder().encodeToString(new byte[32]);
        assertRejected(() -> verifier.verify("msg_1", Long.toString(NOW), forged, BODY), Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() throws Exception {
        String header = signature("another-secret".getBytes(StandardCharsets.UTF_8), "msg_1", NOW, BODY);
        assertRejected(() -> verifier.verify("msg_1", Long.toString(NOW), header, BODY), Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsATamperedBodyIdOrTimestamp() throws Exception {
        String header = signature(KEY, "msg_1", NOW, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("video_1", "video_2")
                .getBytes(StandardCharsets.UTF_8);
        assertRejected(() -> verifier.verify("msg_1", Long.toString(NOW), header, tampered), Reason.SIGNATURE_MISMATCH);
        assertRejected(() -> verifier.verify("msg_2", Long.toString(NOW), header, BODY), Reason.SIGNATURE_MISMATCH);
        assertRejected(() -> verifier.verify("msg_1", Long.toString(NOW - 1), header, BODY),
                Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsStaleAndFutureTimestampsEvenWhenSigned() throws Exception {
        long stale = NOW - 301;
        long future = NOW + 301;
        assertRejected(() -> verifier.verify("msg_1", Long.toString(stale), signature(KEY, "msg_1", stale, BODY), BODY),
                Reason.TIMESTAMP_TOO_OLD);
        assertRejected(
                () -> verifier.verify("msg_1", Long.toString(future), signature(KEY, "msg_1", future, BODY), BODY),
                Reason.TIMESTAMP_TOO_NEW);
        long edge = NOW - 300;
        assertThatCode(() -> verifier.verify("msg_1", Long.toString(edge), signature(KEY, "msg_1", edge, BODY), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsMissingOrMalformedHeaders() throws Exception {
        String header = signature(KEY, "msg_1", NOW, BODY);
        assertRejected(() -> verifier.verify(null, Long.toString(NOW), header, BODY), Reason.MISSING_HEADER);
        assertRejected(() -> verifier.verify("msg_1", null, header, BODY), Reason.MISSING_HEADER);
        assertRejected(() -> verifier.verify("msg_1", Long.toString(NOW), " ", BODY), Reason.MISSING_HEADER);
        assertRejected(() -> verifier.verify("msg_1", "yesterday", header, BODY), Reason.INVALID_TIMESTAMP);
        assertRejected(() -> verifier.verify("msg_1", Long.toString(NOW), header.substring(3), BODY),
                Reason.NO_SIGNATURE);
    }

    @Test
    void badSecretsFailWithoutRepeatingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookVerifier("whsec_%%%not-base64%%%"))
                .withMessageNotContaining("not-base64");
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookVerifier(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookVerifier("whsec_"));
    }

    @Test
    void parsesTheThinVideoEvent() {
        WebhookEvent event = WebhookEvent.parse(new String(BODY, StandardCharsets.UTF_8));
        assertThat(event.id()).isEqualTo("evt_1");
        assertThat(event.type()).isEqualTo("video.completed");
        assertThat(event.objectId()).isEqualTo("video_1");
        assertThat(event.createdAt()).isEqualTo(1_758_941_485L);
        assertThat(event.isVideoTerminal()).isTrue();
        assertThat(event.videoStatus()).isEqualTo("completed");
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookEvent.parse("[1,2]"));
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookEvent.parse("not json"));
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.getReason()).isEqualTo(reason));
    }
}
