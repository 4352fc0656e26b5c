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
package io.github.camelsora.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.camelsora.job.JobMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Job events as Micrometer meters. Names (dots; each registry renders them its own way, e.g. Prometheus
 * {@code sora_jobs_submitted_total}):
 * <ul>
 * <li>{@code sora.jobs.submitted}, {@code sora.jobs.completed} (counters, tag {@code model}),
 * {@code sora.jobs.failed} (counter, tags {@code model} and {@code reason})</li>
 * <li>{@code sora.jobs.render.time} (timer with a percentile histogram, tag {@code model}): creation to
 * completion</li>
 * <li>{@code sora.jobs.in.flight} (gauge): jobs being waited for</li>
 * <li>{@code sora.status.requests} (counter)</li>
 * <li>{@code sora.download.bytes} (distribution summary, base unit bytes)</li>
 * <li>{@code sora.cost.estimated} (counter in US dollars, tag {@code model})</li>
 * </ul>
 * The API key, prompts and video ids never become tags.
 */
public final class MicrometerJobMetrics implements JobMetrics {

    private final MeterRegistry registry;
    private final Counter statusRequests;
    private final DistributionSummary downloadBytes;

    public MicrometerJobMetrics(MeterRegistry registry, Supplier<Number> inFlight) {
        this.registry = registry;
        this.statusRequests = Counter.builder("sora.status.requests")
                .description("Status requests sent (GET /videos/{id})").register(registry);
        this.downloadBytes = DistributionSummary.builder("sora.download.bytes").baseUnit("bytes")
                .description("Bytes of media downloaded per video").register(registry);
        Gauge.builder("sora.jobs.in.flight", inFlight).description("Jobs being waited for")
                .register(registry);
    }

    @Override
    public void submitted(String model, BigDecimal estimatedCost) {
        Counter.builder("sora.jobs.submitted").description("Jobs created on the server").tag("model", tag(model))
                .register(registry).increment();
        if (estimatedCost != null) {
            Counter.builder("sora.cost.estimated").baseUnit("usd")
                    .description("Estimated cost of the jobs submitted, from the price table")
                    .tag("model", tag(model)).register(registry).increment(estimatedCost.doubleValue());
        }
    }

    @Override
    public void completed(String model, Duration renderTime) {
        Counter.builder("sora.jobs.completed").description("Waits that ended with status completed").tag("model", tag(model))
                .register(registry).increment();
        Timer.builder("sora.jobs.render.time").description("From creation to completion")
                .publishPercentileHistogram().tag("model", tag(model)).register(registry).record(renderTime);
    }

    @Override
    public void failed(String model, String reason) {
        Counter.builder("sora.jobs.failed").description("Waits that ended without a completed job")
                .tag("model", tag(model)).tag("reason", tag(reason)).register(registry).increment();
    }

    @Override
    public void statusRequested() {
        statusRequests.increment();
    }

    @Override
    public void downloaded(long bytes) {
        downloadBytes.record(bytes);
    }

    private static String tag(String value) {
        return value == null ? "unknown" : value;
    }
}
