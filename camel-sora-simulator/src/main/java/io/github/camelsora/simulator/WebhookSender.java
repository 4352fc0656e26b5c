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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends {@code video.completed} / {@code video.failed} events, signed per Standard Webhooks, when jobs reach a
 * terminal status. A small fixed pool does everything (waiting for a job's end, sending, retrying with exponential
 * backoff on a non-2xx answer or a connection failure), so threads do not grow with jobs. On request, each event is
 * delivered several times (same webhook-id, as an at-least-once sender does), or held and then released in reverse
 * order.
 */
final class WebhookSender implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebhookSender.class.getName());
    static final int THREADS = 2;
    private static final Duration NOT_YET_RECHECK = Duration.ofMillis(250);

    /** Where to send, with which key; immutable so a change applies to whole deliveries. */
    record Target(URI url, byte[] key) {
    }

    /** One event to one target; the same webhook-id on every attempt and every copy. */
    private record Delivery(Target target, String webhookId, String type, String videoId, byte[] payload) {
    }

    private final SimulatorState state;
    private final ScheduledThreadPoolExecutor pool;
    private final Target initialTarget;
    private final Duration initialBackoff;
    private final int initialMaxAttempts;
    private volatile Target target;
    private volatile int copies = 1;
    private volatile Duration backoff;
    private volatile int maxAttempts;
    private final List<Delivery> held = new ArrayList<>();
    private boolean holding;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final AtomicInteger events = new AtomicInteger();

    WebhookSender(SimulatorState state, String url, String secret, Duration backoff, int maxAttempts) {
        this.state = state;
        this.initialTarget = target(url, secret);
        this.target = initialTarget;
        this.initialBackoff = backoff;
        this.backoff = backoff;
        this.initialMaxAttempts = maxAttempts;
        this.maxAttempts = maxAttempts;
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ScheduledThreadPoolExecutor(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "sora-sim-webhook-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.pool.setRemoveOnCancelPolicy(true);
        this.pool.prestartAllCoreThreads();
    }

    /** Null url: no webhooks. A secret {@code whsec_<base64>} is decoded, any other is used as UTF-8 bytes. */
    void configure(String url, String secret) {
        this.target = target(url, secret);
    }

    void setCopies(int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1");
        }
        this.copies = copies;
    }

    void setRetry(Duration backoff, int maxAttempts) {
        this.backoff = checkBackoff(backoff);
        this.maxAttempts = checkAttempts(maxAttempts);
    }

    /** Events of jobs that finish from now on are kept until {@link #release(boolean)}. */
    synchronized void hold() {
        holding = true;
    }

    /** Sends the held events, oldest first or newest first, and stops holding. */
    void release(boolean newestFirst) {
        List<Delivery> batch;
        synchronized (this) {
            holding = false;
            batch = new ArrayList<>(held);
            held.clear();
        }
        if (newestFirst) {
            Collections.reverse(batch);
        }
        // one task, so the batch leaves in exactly this order
        submit(() -> batch.forEach(delivery -> sendCopies(delivery)), Duration.ZERO);
    }

    /** Called when a job is created: its event is due when its render time has passed. */
    void jobCreated(VideoJob job) {
        if (target == null) {
            return;
        }
        submit(() -> checkFinished(job), job.renderTime());
    }

    int attempts() {
        return attempts.get();
    }

    int delivered() {
        return delivered.get();
    }

    int abandoned() {
        return abandoned.get();
    }

    int events() {
        return events.get();
    }

    void reset() {
        synchronized (this) {
            held.clear();
            holding = false;
        }
        target = initialTarget;
        copies = 1;
        backoff = initialBackoff;
        maxAttempts = initialMaxAttempts;
        attempts.set(0);
        delivered.set(0);
        abandoned.set(0);
        events.set(0);
    }

    private void checkFinished(VideoJob job) {
        if (state.jobs.find(job.id()).isEmpty()) {
            return; // deleted, or the simulator was reset
        }
        JobSnapshot snapshot = state.snapshot(job);
        if (!snapshot.status().isTerminal()) {
            // the state's clock may differ from real time (tests move it by hand): look again later
            Duration left = Duration.between(state.clock.instant(), job.finishesAt());
            submit(() -> checkFinished(job), left.compareTo(NOT_YET_RECHECK) > 0 ? left : NOT_YET_RECHECK);
            return;
        }
        Target current = target;
        if (current == null) {
            return;
        }
        String type;
        ObjectNode event = Json.MAPPER.createObjectNode();
        if (state.dialect == Dialect.OPENROUTER) {
            // openrouter.ai/docs/cookbook/video-generation/video-generation-webhooks: the job in data
            type = "video.generation." + switch (snapshot.status()) {
                case COMPLETED -> "completed";
                case EXPIRED -> "expired";
                default -> "failed";
            };
            event.put("type", type);
            event.put("created_at", Instant.now().toString());
            event.set("data", state.describe(job, snapshot));
        } else {
            type = snapshot.status() == JobStatus.COMPLETED ? "video.completed" : "video.failed";
            event.put("id", "evt_" + ApiExchange.randomHex());
            event.put("object", "event");
            event.put("created_at", Instant.now().getEpochSecond());
            event.put("type", type);
            event.putObject("data").put("id", job.id());
        }
        Delivery delivery = new Delivery(current, "msg_" + ApiExchange.randomHex(), type, job.id(),
                event.toString().getBytes(StandardCharsets.UTF_8));
        events.incrementAndGet();
        synchronized (this) {
            if (holding) {
                held.add(delivery);
                return;
            }
        }
        sendCopies(delivery);
    }

    private void sendCopies(Delivery delivery) {
        for (int copy = 0; copy < copies; copy++) {
            send(delivery, 1);
        }
    }

    private void send(Delivery delivery, int attempt) {
        attempts.incrementAndGet();
        int status = post(delivery);
        if (status >= 200 && status < 300) {
            delivered.incrementAndGet();
            return;
        }
        if (attempt >= maxAttempts) {
            abandoned.incrementAndGet();
            LOG.log(Level.WARNING, "Gave up webhook {0} ({1} {2}) after {3} attempts; last answer {4}",
                    delivery.webhookId(), delivery.type(), delivery.videoId(), attempt, status);
            return;
        }
        Duration delay = backoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        LOG.log(Level.DEBUG, "Webhook {0} answered {1}; attempt {2} in {3}", delivery.webhookId(), status,
                attempt + 1, delay);
        submit(() -> send(delivery, attempt + 1), delay);
    }

    /** @return the HTTP status, or -1 when the connection failed */
    private int post(Delivery delivery) {
        long timestamp = Instant.now().getEpochSecond();
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) delivery.target().url().toURL().openConnection();
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(15000);
            connection.setInstanceFollowRedirects(false); // a redirect is a failed delivery, as with real senders
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            if (state.dialect == Dialect.OPENROUTER) {
                connection.setRequestProperty("X-OpenRouter-Signature",
                        signOpenRouter(delivery.target().key(), timestamp, delivery.payload()));
                connection.setRequestProperty("X-OpenRouter-Idempotency-Key", delivery.webhookId());
            } else {
                connection.setRequestProperty("webhook-id", delivery.webhookId());
                connection.setRequestProperty("webhook-timestamp", Long.toString(timestamp));
                connection.setRequestProperty("webhook-signature",
                        sign(delivery.target().key(), delivery.webhookId(), timestamp, delivery.payload()));
            }
            connection.setFixedLengthStreamingMode(delivery.payload().length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(delivery.payload());
            }
            int status = connection.getResponseCode();
            drain(status < 400 ? connection.getInputStream() : connection.getErrorStream());
            return status;
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Webhook " + delivery.webhookId() + " could not be sent: " + e);
            return -1;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** {@code v1,<base64 HMAC-SHA256(key, id.timestamp.payload)>}. */
    static String sign(byte[] key, String webhookId, long timestamp, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(payload));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * OpenRouter's {@code t=<unix>,v1=<hex HMAC-SHA256(key, "<t>,<body>")>} (its webhook cookbook; the raw body as
     * sent).
     */
    static String signOpenRouter(byte[] key, long timestamp, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((timestamp + ",").getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + java.util.HexFormat.of().formatHex(mac.doFinal(payload));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static void drain(InputStream in) throws IOException {
        if (in != null) {
            try (in) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    private void submit(Runnable task, Duration delay) {
        try {
            pool.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "webhook task failed", e);
                }
            }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // the simulator is closing
        }
    }

    static Target target(String url, String secret) {
        if (url == null) {
            return null;
        }
        Objects.requireNonNull(secret, "a webhook needs a secret");
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("webhook url must be http(s): " + url);
        }
        byte[] key = secret.startsWith("whsec_")
                ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
                : secret.getBytes(StandardCharsets.UTF_8);
        if (key.length == 0) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        return new Target(uri, key);
    }

    static Duration checkBackoff(Duration backoff) {
        if (backoff == null || backoff.isNegative() || backoff.isZero()) {
            throw new IllegalArgumentException("backoff must be positive");
        }
        return backoff;
    }

    static int checkAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        return maxAttempts;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
