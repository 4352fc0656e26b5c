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

import io.github.camelsora.simulator.media.MediaRenderer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Everything the endpoint handlers share: jobs, clock, counters, faults, settings and the renderer. */
final class SimulatorState {

    /** Rendered instead of the prompt when prompts are not drawn, so all jobs of one size/length share a file. */
    static final String SHARED_MEDIA_LABEL = "camel-sora simulator";

    final Clock clock;
    final String apiKey;
    final boolean drawPrompt;
    final MediaRenderer renderer;
    final JobStore jobs = new JobStore();
    final SimulatorCounters counters = new SimulatorCounters();
    final FaultInjector faults = new FaultInjector();
    final PromptRules rules = new PromptRules();
    final CharacterStore characters = new CharacterStore();
    final ExchangeRecorder recorder = new ExchangeRecorder();
    /** Where a job "wrote" its video in cloud storage (Vertex with storageUri), by job id. */
    final java.util.Map<String, String> outputs = new java.util.concurrent.ConcurrentHashMap<>();
    /** Bedrock: client request token to invocation ARN (the API's idempotency), and the jobs already written to S3. */
    final java.util.Map<String, String> bedrockTokens = new java.util.concurrent.ConcurrentHashMap<>();
    final java.util.Set<String> bedrockWritten = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Bedrock: where completed videos are written (an S3-compatible store) and the key that signs the writes. */
    volatile String s3Endpoint;
    volatile String s3AccessKey;
    volatile String s3SecretKey;
    /** Which server the simulator imitates; set once by the builder before the server starts. */
    volatile Dialect dialect = Dialect.OPENAI;
    /** Sends the jobs' webhook events; set once by the simulator right after construction. */
    volatile WebhookSender webhooks;
    /** The base URL clients use ({@code http://host:port/v1}); set once by the simulator when it is bound. */
    volatile String baseUrl;
    /** Signs the result links of the dialects that name their result by URL. */
    final ResultLinks links = new ResultLinks();
    private volatile Duration resultUrlLifetime = Duration.ofHours(1);
    private final Duration initialRenderTime;
    private final Long initialPollAfterMs;
    private volatile Duration renderTime;
    private volatile Long pollAfterMs;
    private volatile double renderTimeJitter;

    SimulatorState(Clock clock, String apiKey, boolean drawPrompt, Duration renderTime, Long pollAfterMs,
                   MediaRenderer renderer) {
        this.clock = clock;
        this.apiKey = apiKey;
        this.drawPrompt = drawPrompt;
        this.renderer = renderer;
        this.initialRenderTime = renderTime;
        this.initialPollAfterMs = pollAfterMs;
        this.renderTime = renderTime;
        this.pollAfterMs = pollAfterMs;
    }

    VideoJob createJob(VideoSpec spec) {
        return createJob(spec, null, 0);
    }

    /** A job derived from another one (remix, edit, extension): same lifecycle, the lineage recorded. */
    VideoJob createJob(VideoSpec spec, String remixedFromVideoId, int extensions) {
        return createJob(dialect.newId(), spec, remixedFromVideoId, extensions);
    }

    /** A job with an id of the dialect's making (e.g. a Gemini operation name). */
    VideoJob createJob(String id, VideoSpec spec, String remixedFromVideoId, int extensions) {
        Instant now = clock.instant();
        String prompt = spec.prompt();
        Duration plannedRenderTime = jittered(rules.renderTimeFor(prompt, renderTime));
        JobFailure failure = rules.failureFor(prompt);
        Long videoBytes = rules.videoBytesFor(prompt);
        String mediaPrompt = drawPrompt ? prompt : SHARED_MEDIA_LABEL;
        VideoJob job = jobs.add(sequence -> new VideoJob(id, sequence, now,
                plannedRenderTime, prompt, spec.model(), spec.size(), spec.seconds(), failure, videoBytes, mediaPrompt,
                remixedFromVideoId, extensions, spec.sizeLabel()));
        counters.created(job.id());
        WebhookSender sender = webhooks;
        if (sender != null) {
            sender.jobCreated(job);
        }
        if (failure == null) {
            // start encoding now (on the renderer's single thread) so the first download does not wait for it
            renderer.prerender(spec.size().width(), spec.size().height(), spec.seconds(), mediaPrompt);
        }
        return job;
    }

    JobSnapshot snapshot(VideoJob job) {
        Duration lifetime = rules.assetLifetimeFor(job.prompt());
        if (lifetime == null && dialect == Dialect.GEMINI) {
            lifetime = GeminiDialect.VIDEO_LIFETIME; // Google removes generated videos after two days
        }
        return JobLifecycle.snapshot(job, clock.instant(), lifetime);
    }

    VideoJob requireJob(String videoId) throws ApiException {
        return jobs.find(videoId).orElseThrow(() ->
                ApiException.notFound("No video found with id '" + videoId + "'.", "video_not_found"));
    }

    Duration renderTime() {
        return renderTime;
    }

    /** How long a signed result link stays valid; each read of a job mints a new one. */
    Duration resultUrlLifetime() {
        return resultUrlLifetime;
    }

    void setResultUrlLifetime(Duration lifetime) {
        this.resultUrlLifetime = lifetime;
    }

    /** The job as this simulator's dialect describes it. */
    com.fasterxml.jackson.databind.node.ObjectNode describe(VideoJob job, JobSnapshot snapshot) {
        return DialectFormat.video(this, job, snapshot);
    }

    /** Each job's render time varies uniformly by up to this fraction either way (0.2: +-20 %). */
    void setRenderTimeJitter(double renderTimeJitter) {
        this.renderTimeJitter = renderTimeJitter;
    }

    private Duration jittered(Duration planned) {
        double jitter = renderTimeJitter;
        if (jitter <= 0 || planned.isZero()) {
            return planned;
        }
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofNanos(Math.round(planned.toNanos() * factor));
    }

    void setRenderTime(Duration renderTime) {
        this.renderTime = renderTime;
    }

    Long pollAfterMs() {
        return pollAfterMs;
    }

    void setPollAfterMs(Long pollAfterMs) {
        this.pollAfterMs = pollAfterMs;
    }

    /** Back to the state right after start: no jobs, counters, faults or prompt rules; builder settings restored. */
    void reset() {
        jobs.clear();
        counters.clear();
        faults.clear();
        rules.clear();
        characters.clear();
        recorder.clear();
        outputs.clear();
        bedrockTokens.clear();
        bedrockWritten.clear();
        if (webhooks != null) {
            webhooks.reset();
        }
        renderTime = initialRenderTime;
        pollAfterMs = initialPollAfterMs;
        resultUrlLifetime = Duration.ofHours(1);
    }
}
