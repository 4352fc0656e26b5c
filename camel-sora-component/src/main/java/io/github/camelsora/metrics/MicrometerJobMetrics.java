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
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.camelsora.job.JobMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Job events as Micrometer meters, named and tagged as camel-micrometer names and tags Camel's own
 * ({@code camel.exchanges.total} with {@code camelContext}, {@code routeId}, ...). Names (dots; each registry
 * renders them its own way, e.g. Prometheus {@code camel_sora_jobs_submitted_total}):
 * <ul>
 * <li>{@code camel.sora.jobs.submitted}, {@code camel.sora.jobs.completed} (counters),
 * {@code camel.sora.jobs.failed} (counter, also tag {@code reason})</li>
 * <li>{@code camel.sora.jobs.render.time} (timer with a percentile histogram): creation to completion</li>
 * <li>{@code camel.sora.jobs.in.flight} (gauge, tag {@code camelContext}): jobs being waited for</li>
 * <li>{@code camel.sora.status.requests} (counter)</li>
 * <li>{@code camel.sora.download.bytes} (distribution summary, base unit bytes)</li>
 * <li>{@code camel.sora.cost.estimated} (counter in US dollars)</li>
 * </ul>
 * Every meter but the gauge carries the exchange's tags: {@code camelContext}, {@code routeId},
 * {@code endpointName} (the endpoint's base URI, as camel-micrometer's default), {@code provider}; job meters also
 * {@code model}. The API key, prompts and video ids never become tags.
 */
public final class MicrometerJobMetrics implements JobMetrics {

    /** The prefix of every meter, as Camel's meters start with {@code camel.}. */
    public static final String PREFIX = "camel.sora.";

    /** The exchange tags every meter carries, always all of them (Prometheus wants one key set per name). */
    public static final List<String> TAG_KEYS = List.of("camelContext", "routeId", "endpointName", "provider");

    private final MeterRegistry registry;
    private final String camelContext;

    public MicrometerJobMetrics(MeterRegistry registry, String camelContext, Supplier<Number> inFlight) {
        this.registry = registry;
        this.camelContext = camelContext;
        Gauge.builder(PREFIX + "jobs.in.flight", inFlight).description("Jobs being waited for")
                .tag("camelContext", tag(camelContext)).register(registry);
    }

    @Override
    public void submitted(Map<String, String> tags, String model, BigDecimal estimatedCost) {
        Tags withModel = tags(tags).and("model", tag(model));
        Counter.builder(PREFIX + "jobs.submitted").description("Jobs created on the server").tags(withModel)
                .register(registry).increment();
        if (estimatedCost != null) {
            Counter.builder(PREFIX + "cost.estimated").baseUnit("usd")
                    .description("Estimated cost of the jobs submitted, from the price table")
                    .tags(withModel).register(registry).increment(estimatedCost.doubleValue());
        }
    }

    @Override
    public void completed(Map<String, String> tags, String model, Duration renderTime) {
        Tags withModel = tags(tags).and("model", tag(model));
        Counter.builder(PREFIX + "jobs.completed").description("Waits that ended with status completed")
                .tags(withModel).register(registry).increment();
        Timer.builder(PREFIX + "jobs.render.time").description("From creation to completion")
                .publishPercentileHistogram().tags(withModel).register(registry).record(renderTime);
    }

    @Override
    public void failed(Map<String, String> tags, String model, String reason) {
        Counter.builder(PREFIX + "jobs.failed").description("Waits that ended without a completed job")
                .tags(tags(tags).and("model", tag(model)).and("reason", tag(reason))).register(registry).increment();
    }

    @Override
    public void statusRequested(Map<String, String> tags) {
        Counter.builder(PREFIX + "status.requests").description("Status requests sent while waiting")
                .tags(tags(tags)).register(registry).increment();
    }

    @Override
    public void downloaded(Map<String, String> tags, long bytes) {
        DistributionSummary.builder(PREFIX + "download.bytes").baseUnit("bytes")
                .description("Bytes of media downloaded per file").tags(tags(tags)).register(registry).record(bytes);
    }

    /** The fixed tag keys; outside a route (a consumer's download) routeId and endpointName are "none". */
    private Tags tags(Map<String, String> tags) {
        Tags all = Tags.empty();
        for (String key : TAG_KEYS) {
            String value = tags.get(key);
            all = all.and(key, value != null ? value : "camelContext".equals(key) ? tag(camelContext) : "none");
        }
        return all;
    }

    private static String tag(String value) {
        return value == null ? "unknown" : value;
    }
}
