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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs every scenario against the simulator (in a JVM of its own), each measurement in a fresh JVM, several
 * times, and writes the medians to docs/benchmarks.md. Started by {@code camel-sora-benchmarks/run.sh}.
 */
public final class BenchmarkMain {

    static final String SORA = "sora";
    static final String CAMEL = "camel";
    static final String SDK = "sdk";
    /** The page's sections, in raw form; {@code --scenarios} picks some, {@code --merge RAW} keeps the others. */
    static final List<String> SECTIONS = List.of("concurrency", "downloads", "overhead");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String API_KEY = "sk-bench-" + UUID.randomUUID().toString().substring(0, 8);

    private final Map<String, String> options;
    private final Path work;
    private final List<Map<String, Object>> concurrency = new ArrayList<>();
    private final List<Map<String, Object>> downloads = new ArrayList<>();
    private final List<Map<String, Object>> overhead = new ArrayList<>();

    private BenchmarkMain(Map<String, String> options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("camel-sora-bench-");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of(
                "runs", "3", "jobs", "1000,10000", "economy-jobs", "1000", "render-time", "60s",
                "download-bytes", "1g", "overhead-jobs", "4000", "overhead-warmup", "2000",
                "scenarios", String.join(",", SECTIONS)));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (options.containsKey("from-raw")) {
            // only rewrite the page from the figures of an earlier run
            Map<String, Object> raw = MAPPER.readValue(Path.of(options.get("from-raw")).toFile(),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            writePage(Path.of(options.get("output")), new Report(raw).markdown());
            return;
        }
        new BenchmarkMain(options).runAll(String.join(" ", args));
    }

    /** What people write below this line in the page (reading the figures) survives a new run. */
    static final String HAND_WRITTEN = "<!-- written by hand below this line; kept when run.sh rewrites the page -->";

    private static void writePage(Path output, String generated) throws IOException {
        String kept = "";
        if (Files.exists(output)) {
            String old = Files.readString(output);
            int at = old.indexOf(HAND_WRITTEN);
            kept = at < 0 ? "" : "\n" + old.substring(at);
        }
        Files.writeString(output, generated + kept);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void runAll(String commandLine) throws Exception {
        ZonedDateTime started = ZonedDateTime.now();
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        int runs = Integer.parseInt(options.get("runs"));
        Path jar = Path.of(options.get("simulator-jar"));
        List<Integer> sizes = Arrays.stream(options.get("jobs").split(",")).map(String::trim).map(Integer::parseInt).toList();
        int economyJobs = Integer.parseInt(options.get("economy-jobs"));

        List<String> scenarios = List.of(options.get("scenarios").split(","));
        if (scenarios.contains("concurrency")) {
            concurrencyAndEconomy(jar, runs, sizes, economyJobs);
        }
        if (scenarios.contains("downloads") || scenarios.contains("overhead")) {
            downloadsAndOverhead(jar, runs, scenarios);
        }
        Path output = Path.of(options.getOrDefault("output", "benchmarks.md"));
        Map<String, Object> previous = options.containsKey("merge")
                ? MAPPER.readValue(Path.of(options.get("merge")).toFile(), new TypeReference<LinkedHashMap<String, Object>>() { })
                : Map.of();
        Map<String, Object> thisRun = new LinkedHashMap<>();
        thisRun.put("started", now(started));
        thisRun.put("load", load);
        thisRun.put("command", commandLine);
        thisRun.put("runs", runs);
        Map<String, List<Map<String, Object>>> measuredNow = Map.of("concurrency", concurrency, "downloads", downloads,
                "overhead", overhead);
        Map<String, Object> raw = new LinkedHashMap<>(thisRun);
        raw.put("machine", machine());
        Map<String, Object> measured = new LinkedHashMap<>();
        for (String section : SECTIONS) {
            if (scenarios.contains(section) || !previous.containsKey(section)) {
                raw.put(section, measuredNow.get(section));
                measured.put(section, thisRun);
            } else {
                raw.put(section, previous.get(section));
                measured.put(section, Report.measured(previous, section));
            }
        }
        raw.put("measured", measured);
        Path rawFile = output.resolveSibling("benchmarks-raw.json");
        Files.writeString(rawFile, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(raw));
        writePage(output, new Report(raw).markdown());
        System.err.println("Wrote " + output.toAbsolutePath() + " and " + rawFile.toAbsolutePath());
        deleteQuietly(work);
    }

    private void concurrencyAndEconomy(Path jar, int runs, List<Integer> sizes, int economyJobs) throws Exception {
        try (Simulator sim = new Simulator(jar, API_KEY, Files.createDirectories(work.resolve("sim-cache")),
                "--render-time", options.get("render-time"), "--render-jitter", "20%")) {
            for (int run = 1; run <= runs; run++) {
                for (int jobs : sizes) {
                    for (String contender : List.of(SORA, CAMEL, SDK)) {
                        concurrency(sim, run, contender, jobs, null, "10s");
                    }
                }
                concurrency(sim, run, SORA, economyJobs, "10s/10s", "10s");
                concurrency(sim, run, SORA, economyJobs, "1s/1s", "10s");
            }
        }
    }

    private void downloadsAndOverhead(Path jar, int runs, List<String> scenarios) throws Exception {
        try (Simulator sim = new Simulator(jar, API_KEY, Files.createDirectories(work.resolve("sim-cache-big")),
                "--render-time", "0s", "--video-bytes", "[big]=" + options.get("download-bytes"))) {
            // the simulator pads the file on the first request: do that before timing anything
            for (int run = 1; run <= runs && scenarios.contains("downloads"); run++) {
                if (run == 1) {
                    worker("download", List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), sim, SORA, "[big] warm-up", Map.of());
                }
                Map<String, Object> sora = worker("download", List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), sim, SORA, "[big] run " + run, Map.of());
                record(downloads, run, "camel-sora", sora);
                if (sora.get("videoId") != null) {
                    record(downloads, run, "curl", curl(sim, (String) sora.get("videoId")));
                }
                record(downloads, run, "openai-java SDK",
                        worker("download", List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), sim, SDK, "[big] sdk " + run, Map.of("poll-every", "50ms")));
                record(downloads, run, "plain Camel",
                        worker("download", List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), sim, CAMEL, "[big] camel " + run, Map.of("poll-every", "50ms")));
            }
            for (int run = 1; run <= runs && scenarios.contains("overhead"); run++) {
                for (String contender : List.of(SORA, "bare")) {
                    record(overhead, run, contender, worker("overhead", List.of("-Xmx512m"), sim, contender,
                            "overhead " + contender + " " + run, Map.of(
                                    "jobs", options.get("overhead-jobs"), "warmup", options.get("overhead-warmup"),
                                    "in-flight", "32", "poll-every", "1ms", "threads", "1")));
                }
            }
        }
    }

    private void concurrency(Simulator sim, int run, String contender, int jobs, String soraPoll, String pollEvery)
            throws Exception {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("jobs", Integer.toString(jobs));
        extra.put("poll-every", pollEvery);
        if (soraPoll != null) {
            extra.put("sora-poll", soraPoll);
        }
        String schedule = switch (contender) {
            case SORA -> soraPoll == null ? "default" : "fixed " + soraPoll.split("/")[0];
            default -> "fixed " + pollEvery;
        };
        String tag = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> result = worker("concurrency", List.of("-Xmx2g"), sim, contender, tag, extra);
        result.put("schedule", schedule);
        result.putIfAbsent("jobs", jobs);
        record(concurrency, run, contender, result);
    }

    private void record(List<Map<String, Object>> into, int run, String contender, Map<String, Object> result) {
        result.put("run", run);
        result.put("key", contender);
        into.add(result);
        String line = "run " + run + " " + contender + " " + result;
        System.err.println(line);
    }

    private Map<String, Object> worker(String scenario, List<String> jvm, Simulator sim, String contender, String tag,
                                       Map<String, String> extra) throws Exception {
        Path output = Files.createDirectories(work.resolve("out-" + UUID.randomUUID()));
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Worker.class.getName(), scenario,
                "--contender", contender, "--base-url", sim.baseUrl(), "--api-key", sim.apiKey(), "--tag", tag,
                "--output", output.toString()));
        extra.forEach((k, v) -> {
            command.add("--" + k);
            command.add(v);
        });
        System.err.println("> " + scenario + " " + contender + " " + extra);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String resultLine = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    resultLine = line.substring(7);
                }
            }
        }
        boolean ended = process.waitFor(20, TimeUnit.MINUTES);
        deleteQuietly(output);
        if (!ended) {
            process.destroyForcibly();
        }
        Map<String, Object> result = resultLine == null ? new LinkedHashMap<>()
                : MAPPER.readValue(resultLine, new TypeReference<LinkedHashMap<String, Object>>() { });
        if (resultLine == null) {
            int exit = ended ? process.exitValue() : -1;
            result.put("error", exit == 3 ? "the JVM ran out of heap (OutOfMemoryError, -XX:+ExitOnOutOfMemoryError)"
                    : "the worker JVM ended with exit code " + (ended ? exit : "none (killed)") + " and no result");
            result.put("outOfMemory", exit == 3);
        }
        return result;
    }

    private Map<String, Object> curl(Simulator sim, String videoId) throws Exception {
        Path file = work.resolve("curl-" + videoId + ".mp4");
        Process process = new ProcessBuilder("curl", "-sS", "-o", file.toString(), "-w", "%{time_total} %{size_download}",
                "-H", "Authorization: Bearer " + sim.apiKey(), sim.baseUrl() + "/videos/" + videoId + "/content")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        Files.deleteIfExists(file);
        Map<String, Object> result = new LinkedHashMap<>();
        String[] parts = out.split(" ");
        double seconds = Double.parseDouble(parts[0]);
        long bytes = Long.parseLong(parts[1]);
        result.put("contender", "curl");
        result.put("bytes", bytes);
        result.put("seconds", seconds);
        result.put("mibPerSecond", bytes / (1024.0 * 1024) / seconds);
        return result;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    static String format(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String machine() throws IOException {
        String memTotal = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal")).findFirst().orElse("MemTotal: ?").replaceAll("\\s+", " ");
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("unknown CPU");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memTotal.replace("MemTotal: ", "")
               + " memory, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
               + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    static String now(ZonedDateTime time) {
        return time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
    }

}
