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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Per-job behaviour chosen by a marker in the prompt (render time, planned failure, padded video size).
 * The first matching rule of each kind, in registration order, wins.
 */
final class PromptRules {

    private record RenderTimeRule(String marker, Duration renderTime) {
    }

    private record FailureRule(String marker, JobFailure failure) {
    }

    private record VideoBytesRule(String marker, long totalBytes) {
    }

    private record AssetLifetimeRule(String marker, Duration lifetime) {
    }

    /** A status word reported for ever (never terminal), with or without an error object. */
    record RawStatus(String status, boolean withError) {
    }

    private record RawStatusRule(String marker, RawStatus status) {
    }

    private record ResultUrlRule(String marker, String url) {
    }

    private final List<RawStatusRule> rawStatuses = new CopyOnWriteArrayList<>();
    private final List<ResultUrlRule> resultUrls = new CopyOnWriteArrayList<>();

    private final List<AssetLifetimeRule> assetLifetimes = new CopyOnWriteArrayList<>();
    private final List<RenderTimeRule> renderTimes = new CopyOnWriteArrayList<>();
    private final List<FailureRule> failures = new CopyOnWriteArrayList<>();
    private final List<VideoBytesRule> videoBytes = new CopyOnWriteArrayList<>();

    void renderTimeWhen(String marker, Duration renderTime) {
        renderTimes.add(new RenderTimeRule(marker, renderTime));
    }

    void failWhen(String marker, JobFailure failure) {
        failures.add(new FailureRule(marker, failure));
    }

    void videoBytesWhen(String marker, long totalBytes) {
        videoBytes.add(new VideoBytesRule(marker, totalBytes));
    }

    void assetLifetimeWhen(String marker, Duration lifetime) {
        assetLifetimes.add(new AssetLifetimeRule(marker, lifetime));
    }

    void rawStatusWhen(String marker, RawStatus status) {
        rawStatuses.add(new RawStatusRule(marker, status));
    }

    void resultUrlWhen(String marker, String url) {
        resultUrls.add(new ResultUrlRule(marker, url));
    }

    RawStatus rawStatusFor(String prompt) {
        return rawStatuses.stream().filter(r -> prompt.contains(r.marker()))
                .map(RawStatusRule::status).findFirst().orElse(null);
    }

    String resultUrlFor(String prompt) {
        return resultUrls.stream().filter(r -> prompt.contains(r.marker()))
                .map(ResultUrlRule::url).findFirst().orElse(null);
    }

    /** The asset lifetime of a job with this prompt, or null for the API's usual hour (never expiring here). */
    Duration assetLifetimeFor(String prompt) {
        return assetLifetimes.stream().filter(r -> prompt.contains(r.marker()))
                .map(AssetLifetimeRule::lifetime).findFirst().orElse(null);
    }

    Duration renderTimeFor(String prompt, Duration fallback) {
        return renderTimes.stream().filter(r -> prompt.contains(r.marker()))
                .map(RenderTimeRule::renderTime).findFirst().orElse(fallback);
    }

    JobFailure failureFor(String prompt) {
        return failures.stream().filter(r -> prompt.contains(r.marker()))
                .map(FailureRule::failure).findFirst().orElse(null);
    }

    Long videoBytesFor(String prompt) {
        return videoBytes.stream().filter(r -> prompt.contains(r.marker()))
                .map(VideoBytesRule::totalBytes).findFirst().orElse(null);
    }

    void clear() {
        renderTimes.clear();
        assetLifetimes.clear();
        failures.clear();
        videoBytes.clear();
        rawStatuses.clear();
        resultUrls.clear();
    }
}
