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
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One measurement in a JVM of its own, started by {@link BenchmarkMain}; prints one line {@code RESULT <json>}.
 * <pre>
 * concurrency --contender sora|camel|sdk --jobs N [--sora-poll 10s/10s]
 * download    --contender sora|camel|sdk
 * overhead    --contender sora|bare --warmup N --jobs N --in-flight N
 * common:     --base-url U --api-key K --tag T --output DIR [--poll-every 10s] [--limit 10m]
 * </pre>
 */
public final class Worker {

    private Worker() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path output = Files.createDirectories(Path.of(options.get("output")));
        int jobs = Integer.parseInt(options.getOrDefault("jobs", "1"));
        Duration pollEvery = Durations.parse(options.getOrDefault("poll-every", "10s"));
        Target target = new Target(options.get("base-url"), options.get("api-key"), output, pollEvery,
                Integer.parseInt(options.getOrDefault("threads", Integer.toString(jobs))));
        String contender = options.get("contender");
        String tag = options.get("tag");
        Map<String, Object> result;
        switch (scenario) {
            case "concurrency" -> result = ConcurrencyRun.run(contender(contender, target, options.get("sora-poll"), jobs),
                    target, jobs, tag, Durations.parse(options.getOrDefault("limit", "10m")));
            case "download" -> result = download(contender(contender, target, "1ms/1ms", 1), tag);
            case "overhead" -> result = overhead(contender(contender, target, "1ms/1ms", jobs),
                    Integer.parseInt(options.get("warmup")), jobs, Integer.parseInt(options.get("in-flight")), tag);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        System.out.println("RESULT " + new ObjectMapper().writeValueAsString(result));
        System.out.flush();
        System.exit(0);
    }

    static Supplier<Contender> contender(String name, Target target, String soraPoll, int jobs) {
        return switch (name) {
            case "sora" -> () -> {
                if (soraPoll == null) {
                    return new SoraContender(target, null, null);
                }
                String[] delays = soraPoll.split("/");
                return new SoraContender(target, Durations.parse(delays[0]), Durations.parse(delays[1]));
            };
            case "camel" -> () -> new PlainCamelContender(target, jobs + 16);
            case "sdk" -> () -> new SdkContender(target);
            case "bare" -> () -> new BareHttpContender(target);
            default -> throw new IllegalArgumentException("unknown contender " + name);
        };
    }

    /** One large video; the time is the contender's download step where it can be timed, else the whole job. */
    static Map<String, Object> download(Supplier<Contender> contenders, String tag) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try (Contender contender = contenders.get()) {
            result.put("contender", contender.name());
            contender.start();
            // class loading, the first exchange and JIT compilation are not what this measures: one small video,
            // then one untimed download of the same size as the timed one, in every contender alike
            warmUp(contender, "warm-up " + tag.replace("[", "(").replace("]", ")"));
            warmUp(contender, tag + " warm-up");
            BlockingQueue<Delivery> done = new ArrayBlockingQueue<>(1);
            long start = System.nanoTime();
            contender.submit(tag + " download", done::add);
            Delivery delivery = done.poll(3, TimeUnit.MINUTES);
            long wholeNanos = System.nanoTime() - start;
            if (delivery == null || !delivery.delivered()) {
                result.put("error", delivery == null ? "no answer within 3 minutes" : ConcurrencyRun.describe(delivery.error()));
                result.put("outOfMemory", delivery != null && isOutOfMemory(delivery.error()));
                return result;
            }
            long bytes = Files.size(delivery.file());
            long nanos = delivery.downloadNanos() > 0 ? delivery.downloadNanos() : wholeNanos;
            result.put("videoId", delivery.videoId());
            result.put("bytes", bytes);
            result.put("seconds", nanos / 1e9);
            result.put("timed", delivery.downloadNanos() > 0 ? "download step" : "whole job");
            result.put("mibPerSecond", bytes / (1024.0 * 1024) / (nanos / 1e9));
            result.put("outOfMemory", false);
            Files.deleteIfExists(delivery.file());
        } catch (OutOfMemoryError e) {
            result.put("outOfMemory", true);
            result.put("error", e.toString());
        }
        return result;
    }

    private static void warmUp(Contender contender, String prompt) throws Exception {
        BlockingQueue<Delivery> done = new ArrayBlockingQueue<>(1);
        contender.submit(prompt, done::add);
        Delivery delivery = done.poll(3, TimeUnit.MINUTES);
        if (delivery != null && delivery.file() != null) {
            Files.deleteIfExists(delivery.file());
        }
    }

    private static boolean isOutOfMemory(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** CPU of this JVM per job, after a warm-up, with a bounded number of jobs in flight (render time 0). */
    static Map<String, Object> overhead(Supplier<Contender> contenders, int warmup, int jobs, int inFlight, String tag)
            throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        JvmProbe probe = new JvmProbe();
        try (Contender contender = contenders.get()) {
            result.put("contender", contender.name());
            contender.start();
            batch(contender, warmup, inFlight, tag + " warm-up");
            long cpuStart = probe.cpuNanos();
            long wallStart = System.nanoTime();
            int delivered = batch(contender, jobs, inFlight, tag + " measured");
            result.put("cpuMsPerJob", (probe.cpuNanos() - cpuStart) / 1e6 / jobs);
            result.put("jobsPerSecond", jobs / ((System.nanoTime() - wallStart) / 1e9));
            result.put("delivered", delivered);
            result.put("jobs", jobs);
        }
        return result;
    }

    private static int batch(Contender contender, int jobs, int inFlight, String prefix) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        BlockingQueue<Delivery> done = new ArrayBlockingQueue<>(jobs);
        for (int i = 0; i < jobs; i++) {
            slots.acquire();
            contender.submit(prefix + " " + i, delivery -> {
                try {
                    if (delivery.file() != null) {
                        Files.deleteIfExists(delivery.file());
                    }
                } catch (java.io.IOException ignored) {
                    // a leftover file in a temporary directory
                }
                done.add(delivery);
                slots.release();
            });
        }
        slots.acquire(inFlight);
        return (int) done.stream().filter(Delivery::delivered).count();
    }
}
