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
package io.github.camelsora.benchmarks;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Submits N jobs at once through one contender and measures what it cost in this JVM: threads added, heap after
 * GC, CPU, wall time; then asks the simulator how many status requests each job received and when it completed.
 */
final class ConcurrencyRun {

    private static final Duration HEAP_SAMPLE_EVERY = Duration.ofSeconds(15);

    private ConcurrencyRun() {
    }

    static Map<String, Object> run(Supplier<Contender> contenders, Target target, int jobs, String tag,
                                   Duration limit) throws Exception {
        JvmProbe probe = new JvmProbe();
        probe.baseline();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("jobs", jobs);
        result.put("baselineThreads", probe.baselineThreads());
        ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
        AtomicInteger ended = new AtomicInteger();
        long startMs;
        long cpuStart;
        int submitted = 0;
        String submitError = null;
        try (Contender contender = contenders.get()) {
            result.put("contender", contender.name());
            contender.start();
            cpuStart = probe.cpuNanos();
            startMs = System.currentTimeMillis();
            try {
                for (int i = 0; i < jobs; i++) {
                    contender.submit(tag + " job " + i, delivery -> {
                        deliveries.add(delivery);
                        ended.incrementAndGet();
                    });
                    submitted++;
                }
            } catch (Throwable e) {
                submitError = e.toString();
            }
            result.put("submitMs", System.currentTimeMillis() - startMs);
            probe.heapAfterGc(); // everything is in flight now
            long deadline = startMs + limit.toMillis();
            long nextHeapSample = startMs + HEAP_SAMPLE_EVERY.toMillis();
            while (ended.get() < submitted && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
                if (System.currentTimeMillis() >= nextHeapSample) {
                    probe.heapAfterGc();
                    nextHeapSample += HEAP_SAMPLE_EVERY.toMillis();
                }
            }
            result.put("cpuSeconds", (probe.cpuNanos() - cpuStart) / 1e9);
            result.put("timedOut", ended.get() < submitted);
        }
        result.put("submitted", submitted);
        result.put("submitError", submitError);
        result.put("threadsAdded", probe.threadsAdded());
        result.put("peakHeapAfterGcMb", probe.peakHeapAfterGc() / (1024.0 * 1024));

        List<Delivery> all = new ArrayList<>(deliveries);
        long delivered = all.stream().filter(Delivery::delivered).filter(d -> Files.isRegularFile(d.file())).count();
        result.put("delivered", delivered);
        Map<String, Integer> errors = new LinkedHashMap<>();
        all.stream().filter(d -> !d.delivered()).forEach(d -> errors.merge(describe(d.error()), 1, Integer::sum));
        result.put("errors", errors);
        long lastDelivery = all.stream().filter(Delivery::delivered).mapToLong(Delivery::deliveredAt).max().orElse(startMs);
        result.put("wallSeconds", (lastDelivery - startMs) / 1000.0);

        Map<String, JobReport.Job> report = JobReport.fetch(target.baseUrl(), target.apiKey(), tag);
        result.put("jobsCreated", report.size());
        result.put("idealSeconds", report.values().stream().mapToLong(JobReport.Job::renderMs).max().orElse(0) / 1000.0);
        result.put("statusRequestsPerJob",
                report.values().stream().mapToInt(JobReport.Job::statusReads).sum() / (double) Math.max(1, report.size()));
        List<Long> detection = new ArrayList<>();
        for (Delivery delivery : all) {
            JobReport.Job job = delivery.delivered() ? report.get(delivery.videoId()) : null;
            if (job != null) {
                detection.add(delivery.deliveredAt() - job.finishesAtMs());
            }
        }
        result.put("detectionMedianSeconds", Stats.median(detection) / 1000.0);
        result.put("detectionP95Seconds", Stats.percentile(detection, 95) / 1000.0);
        result.put("cpuSecondsPerJob", (double) result.get("cpuSeconds") / Math.max(1, submitted));
        for (Delivery delivery : all) {
            if (delivery.file() != null) {
                Files.deleteIfExists(delivery.file());
            }
        }
        return result;
    }

    static String describe(Throwable error) {
        if (error == null) {
            return "no file";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String text = root.getClass().getSimpleName() + message;
        return text.length() > 120 ? text.substring(0, 120) : text;
    }
}
