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

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The marketplaces' per-job callbacks, sent to the URL each create named when the job ends, signed as each service
 * signs them:
 * <ul>
 * <li>fal: {@code {request_id, gateway_request_id, status: OK|ERROR, payload}} with {@code X-Fal-Webhook-Request-Id},
 * {@code -User-Id}, {@code -Timestamp} and {@code -Signature}: hex ED25519 over
 * {@code request_id \n user_id \n timestamp \n hex(sha256(body))} with a key whose public half is served at
 * {@code /.well-known/jwks.json} (docs.fal.ai/model-endpoints/webhooks);</li>
 * <li>Replicate: the prediction, signed with Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}) with {@link #secret()};</li>
 * <li>BytePlus ModelArk: the task, unsigned.</li>
 * </ul>
 * A delivery answered with a non-2xx status, or not at all, is tried again (1 s, then doubling, 5 attempts). One small
 * pool does all of it, whatever the number of jobs.
 */
final class CallbackSender implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CallbackSender.class.getName());
    static final String FAL_USER_ID = "sim-user";
    private static final int MAX_ATTEMPTS = 5;

    private final SimulatorState state;
    private final KeyPair falKey;
    private final byte[] standardKey;
    private final String secret;
    private final ScheduledThreadPoolExecutor pool;
    private volatile MarketplaceRouter router;
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    CallbackSender(SimulatorState state, String secret) {
        this.state = state;
        this.secret = secret;
        this.standardKey = WebhookSender.target("http://127.0.0.1/", secret).key();
        try {
            this.falKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "sora-sim-callback-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.pool.setRemoveOnCancelPolicy(true);
    }

    void router(MarketplaceRouter router) {
        this.router = router;
    }

    /** The Standard Webhooks secret Replicate-style callbacks are signed with ({@code whsec_...}). */
    String secret() {
        return secret;
    }

    int delivered() {
        return delivered.get();
    }

    int attempts() {
        return attempts.get();
    }

    void reset() {
        delivered.set(0);
        attempts.set(0);
    }

    /** fal's public key set: one Ed25519 key ({@code kty OKP}) whose {@code x} is the raw public key, base64url. */
    byte[] jwks() {
        byte[] der = falKey.getPublic().getEncoded();
        byte[] raw = java.util.Arrays.copyOfRange(der, der.length - 32, der.length);
        ObjectNode key = Json.MAPPER.createObjectNode();
        key.put("kty", "OKP");
        key.put("crv", "Ed25519");
        key.put("alg", "EdDSA");
        key.put("use", "sig");
        key.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
        ObjectNode set = Json.MAPPER.createObjectNode();
        set.putArray("keys").add(key);
        return set.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Calls {@code url} back when the job ends. */
    void schedule(VideoJob job, String url) {
        URI target = URI.create(url);
        submit(() -> whenFinished(job, target), job.renderTime());
    }

    private void whenFinished(VideoJob job, URI target) {
        if (state.jobs.find(job.id()).isEmpty()) {
            return;
        }
        JobSnapshot snapshot = state.snapshot(job);
        if (!snapshot.status().isTerminal()) {
            Duration left = Duration.between(state.clock.instant(), job.finishesAt());
            submit(() -> whenFinished(job, target), left.compareTo(Duration.ofMillis(250)) > 0 ? left
                    : Duration.ofMillis(250));
            return;
        }
        byte[] payload = payload(job, snapshot);
        send(target, job.id(), payload, "msg_" + ApiExchange.randomHex(), 1);
    }

    private byte[] payload(VideoJob job, JobSnapshot snapshot) {
        MarketplaceRouter current = router;
        ObjectNode body;
        switch (state.dialect) {
            case FAL -> {
                body = Json.MAPPER.createObjectNode();
                body.put("request_id", job.id());
                body.put("gateway_request_id", job.id());
                if (snapshot.status() == JobStatus.FAILED) {
                    body.put("status", "ERROR");
                    body.put("error", "Invalid status code: 422");
                    body.putObject("payload").put("detail", snapshot.error().message());
                } else {
                    body.put("status", "OK");
                    body.set("payload", current.falOutput(job));
                }
            }
            case REPLICATE -> body = current.prediction(job, snapshot, null);
            default -> body = current.task(job, snapshot);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void send(URI target, String jobId, byte[] payload, String webhookId, int attempt) {
        attempts.incrementAndGet();
        int status = post(target, jobId, payload, webhookId);
        if (status >= 200 && status < 300) {
            delivered.incrementAndGet();
            return;
        }
        if (attempt >= MAX_ATTEMPTS) {
            LOG.log(Level.WARNING, "Gave up the callback of " + jobId + " after " + attempt + " attempts; last"
                                   + " answer " + status);
            return;
        }
        submit(() -> send(target, jobId, payload, webhookId, attempt + 1),
                Duration.ofSeconds(1).multipliedBy(1L << (attempt - 1)));
    }

    /** The headers a delivery carries, signed now. */
    Map<String, String> headers(String jobId, byte[] payload, String webhookId, long timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (state.dialect) {
            case FAL -> {
                headers.put("X-Fal-Webhook-Request-Id", jobId);
                headers.put("X-Fal-Webhook-User-Id", FAL_USER_ID);
                headers.put("X-Fal-Webhook-Timestamp", Long.toString(timestamp));
                headers.put("X-Fal-Webhook-Signature", falSignature(jobId, FAL_USER_ID, timestamp, payload));
            }
            case REPLICATE -> {
                headers.put("webhook-id", webhookId);
                headers.put("webhook-timestamp", Long.toString(timestamp));
                headers.put("webhook-signature", WebhookSender.sign(standardKey, webhookId, timestamp, payload));
            }
            default -> {
                // ModelArk documents no signature for callback_url
            }
        }
        return headers;
    }

    String falSignature(String requestId, String userId, long timestamp, byte[] payload) {
        try {
            String message = requestId + "\n" + userId + "\n" + timestamp + "\n"
                             + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(falKey.getPrivate());
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private int post(URI target, String jobId, byte[] payload, String webhookId) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) target.toURL().openConnection();
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(15000);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            headers(jobId, payload, webhookId, Instant.now().getEpochSecond()).forEach(connection::setRequestProperty);
            connection.setFixedLengthStreamingMode(payload.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(payload);
            }
            int status = connection.getResponseCode();
            InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            if (in != null) {
                try (in) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
            return status;
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "callback of " + jobId + " could not be sent: " + e);
            return -1;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private void submit(Runnable task, Duration delay) {
        try {
            pool.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "callback task failed", e);
                }
            }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closing
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
