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
package io.github.camelsora.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed result links, as the dialects that name their result by URL hand out (CometAPI's {@code video_url},
 * Inworld's {@code output.videos[0].url}, signed for at most an hour and new on each read): {@code /files/<token>}
 * where the token carries the job id and an expiry, signed with a key of this simulator. They need no credential;
 * a link past its expiry or with a bad signature answers 403, as a storage bucket does.
 */
final class ResultLinks {

    static final String PATH = "/files/";

    private final byte[] key = new byte[32];

    ResultLinks() {
        new SecureRandom().nextBytes(key);
    }

    /** A token for the job's video valid until {@code expiresAt}. */
    String token(String videoId, Instant expiresAt) {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (videoId + "\n" + expiresAt.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + sign(payload) + ".mp4";
    }

    /** The job id of a valid token, or null when it is malformed, forged or expired at {@code now}. */
    String videoId(String token, Instant now) {
        String body = token.endsWith(".mp4") ? token.substring(0, token.length() - 4) : token;
        int dot = body.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        String payload = body.substring(0, dot);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                body.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int newline = decoded.lastIndexOf('\n');
        if (newline <= 0) {
            return null;
        }
        long expires = Long.parseLong(decoded.substring(newline + 1));
        return now.toEpochMilli() < expires ? decoded.substring(0, newline) : null;
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
