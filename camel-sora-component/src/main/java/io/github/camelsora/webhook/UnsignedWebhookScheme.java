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
 * Callbacks that carry no signature, such as BytePlus ModelArk's {@code callback_url} POSTs (its docs describe the
 * task object as the body and no signature; docs.byteplus.com ModelArk "Create a video generation task"). Anyone
 * can send such a request, so it is never trusted: it only names a job, which is then read again from the provider
 * with the endpoint's credential, and only that reading reaches a route. Identical bodies are one delivery.
 */
public final class UnsignedWebhookScheme implements WebhookScheme {

    @Override
    public String name() {
        return NONE;
    }

    @Override
    public Verified verify(UnaryOperator<String> header, byte[] rawBody) {
        return new Verified("unsigned:" + sha256(rawBody), null);
    }

    @Override
    public boolean authenticates() {
        return false;
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
