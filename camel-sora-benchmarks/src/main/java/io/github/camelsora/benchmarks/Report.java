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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static io.github.camelsora.benchmarks.BenchmarkMain.format;

/** docs/benchmarks.md from the figures of one run of {@link BenchmarkMain}: medians over the repetitions. */
final class Report {

    private static final String SORA = BenchmarkMain.SORA;
    private static final List<String> CONTENDERS = List.of(SORA, BenchmarkMain.CAMEL, BenchmarkMain.SDK);
    private static final Map<String, String> NAMES = Map.of(SORA, "camel-sora", BenchmarkMain.CAMEL, "plain Camel",
            BenchmarkMain.SDK, "openai-java SDK");

    private final Map<String, Object> raw;
    private final List<Map<String, Object>> concurrency;
    private final List<Map<String, Object>> downloads;
    private final List<Map<String, Object>> overhead;
    private final StringBuilder out = new StringBuilder();

    @SuppressWarnings("unchecked")
    Report(Map<String, Object> raw) {
        this.raw = raw;
        this.concurrency = (List<Map<String, Object>>) raw.get("concurrency");
        this.downloads = (List<Map<String, Object>>) raw.get("downloads");
        this.overhead = (List<Map<String, Object>>) raw.get("overhead");
    }

    private static final Map<String, String> SECTION_TITLES = Map.of("concurrency", "1. concurrency and 2. poll economy",
            "downloads", "3. downloads", "overhead", "4. overhead");

    /** When a section of {@code raw} was measured: its own entry, or the whole run's for a page of one run. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> measured(Map<String, Object> raw, String section) {
        Map<String, Object> measured = (Map<String, Object>) raw.get("measured");
        if (measured != null && measured.get(section) != null) {
            return (Map<String, Object>) measured.get(section);
        }
        Map<String, Object> whole = new LinkedHashMap<>();
        for (String key : List.of("started", "load", "command", "runs")) {
            whole.put(key, raw.get(key));
        }
        return whole;
    }

    String markdown() {
        line("# Benchmarks");
        line("");
        line("camel-sora against the two ways a user would write the same job today, measured side by side in one run"
             + " against the simulator in a JVM of its own (each measurement in a fresh JVM):");
        line("");
        line("- **plain Camel**: `camel-http` to create, `loopDoWhile` + `delay(10000).syncDelayed()` + a status"
             + " request until the job is done, then the download to `file:` (one SEDA consumer thread per job in"
             + " flight, so all jobs can be in flight at once);");
        line("- **openai-java SDK** 4.101.0: `videos().create`, then `Thread.sleep(10_000)` + `retrieve` until done"
             + " (its own example's loop), then `downloadContent` copied to a file, each job on a thread of a pool"
             + " with one thread per job in flight.");
        line("");
        line("Every figure is the **median of the runs** stated for its section below; ratios are taken per run"
             + " (alternative and camel-sora measured in the same run), then the median of the ratios.");
        line("");
        line("| | |");
        line("|---|---|");
        line("| machine | " + raw.get("machine") + " |");
        Map<String, List<String>> sectionsByRun = new LinkedHashMap<>();
        for (String section : BenchmarkMain.SECTIONS) {
            Map<String, Object> when = measured(raw, section);
            String key = "**" + when.get("started") + "**, " + when.get("runs") + " runs; load when started `"
                         + when.get("load") + "` (`/proc/loadavg`); `BenchmarkMain "
                         + String.valueOf(when.get("command")).replaceAll("--(simulator-jar|output|merge) \\S+ ?", "").trim()
                         + "`";
            sectionsByRun.computeIfAbsent(key, k -> new ArrayList<>()).add(SECTION_TITLES.get(section));
        }
        sectionsByRun.forEach((when, sections) -> line("| " + String.join(", ", sections) + " | " + when + " |"));
        line("| command | `camel-sora-benchmarks/run.sh [options]` (that is: `mvn -B -ntp -Pbenchmark -pl"
             + " camel-sora-benchmarks -am -DskipTests package`, running `BenchmarkMain --runs 3 [options]`); wall"
             + " times and detection delays depend on what else runs on the machine, CPU seconds do not |");
        line("| simulator | standalone jar, own JVM (-Xmx1g, 16 HTTP threads, TCP_NODELAY); render time 60 s ±20 % (uniform),"
             + " `queued` for the first 10 %, then linear `progress`; no `openai-poll-after-ms` hint |");
        line("| contender JVMs | -Xmx2g (concurrency), -Xmx64m (downloads), -Xmx512m (overhead); default GC |");
        line("");
        concurrencyTable();
        economyTable();
        downloadTable();
        overheadTable();
        notes();
        return out.toString();
    }

    private void concurrencyTable() {
        Set<Integer> sizes = new TreeSet<>();
        concurrency.stream().filter(r -> "default".equals(r.get("schedule")) || !SORA.equals(r.get("key")))
                .filter(r -> "fixed 10s".equals(r.get("schedule")) || "default".equals(r.get("schedule")))
                .forEach(r -> sizes.add(intOf(r, "jobs")));
        line("## 1. Concurrency: N jobs submitted at once");
        line("");
        line("Threads are the peak of live JVM threads during the run minus those alive before the contender (its"
             + " CamelContext or SDK client) was created. Heap is the peak of heap in use right after a full GC, taken"
             + " once all jobs are submitted and every 15 s. Wall time runs from the first submit to the last video on"
             + " disk; ideal is the longest render time among the jobs. CPU is the contender JVM's process CPU time"
             + " over the run, per job.");
        line("");
        line("| N | metric | camel-sora | plain Camel | openai-java SDK | camel-sora target | met? |");
        line("|---|---|---|---|---|---|---|");
        for (int n : sizes) {
            // camel-sora with its defaults against the alternatives as their examples poll (every 10 s)
            Predicate<Map<String, Object>> main = r -> intOf(r, "jobs") == n
                    && (SORA.equals(r.get("key")) ? "default".equals(r.get("schedule"))
                            : "fixed 10s".equals(r.get("schedule")));
            String target10k = n >= 10_000 ? "10,000" : Integer.toString(n);
            double soraDelivered = median(SORA, main, "delivered");
            row(n, "delivered", main, "delivered", 0, "all (" + target10k + ")", soraDelivered >= n);
            double threads = median(SORA, main, "threadsAdded");
            row(n, "live threads added (peak)", main, "threadsAdded", 0, "≤ 32", threads <= 32);
            double heap = median(SORA, main, "peakHeapAfterGcMb");
            row(n, "peak heap after GC (MB)", main, "peakHeapAfterGcMb", 0, "≤ 256", heap <= 256);
            List<String> cells = new ArrayList<>();
            for (String c : CONTENDERS) {
                cells.add(format(median(c, main, "wallSeconds"), 1) + " / " + format(median(c, main, "idealSeconds"), 1));
            }
            double wall = median(SORA, main, "wallSeconds");
            double ideal = median(SORA, main, "idealSeconds");
            double allowed = ideal * 1.05 + 10;
            line("| " + n + " | wall time / ideal (s) | " + String.join(" | ", cells) + " | ≤ 1.05 × ideal + one poll"
                 + " delay (10 s) = " + format(allowed, 1) + " | " + yes(wall <= allowed) + " |");
            row(n, "CPU seconds per job", main, "cpuSecondsPerJob", 4, "", null);
            row(n, "status requests per job", main, "statusRequestsPerJob", 2, "", null);
            row(n, "detection delay, median (s)", main, "detectionMedianSeconds", 2, "", null);
            ratioRow(n, "threads: alternative ÷ camel-sora", main, "threadsAdded");
            ratioRow(n, "heap: alternative ÷ camel-sora", main, "peakHeapAfterGcMb");
            ratioRow(n, "CPU per job: alternative ÷ camel-sora", main, "cpuSecondsPerJob");
        }
        line("");
    }

    private void economyTable() {
        line("## 2. Poll economy: 60 s renders (±20 %)");
        line("");
        line("Status requests per job are counted by the simulator. Detection delay runs from the instant the"
             + " simulator marks a job completed to the moment the flow continues with the video on disk (so it"
             + " includes the download of the 247 KB MP4). Target for camel-sora with default settings: at most 4"
             + " status requests per job on average, median detection delay at most 3 s.");
        line("");
        line("| N | contender | schedule | status requests / job | detection median (s) | detection p95 (s) | delivered |");
        line("|---|---|---|---|---|---|---|");
        Set<String> seen = new LinkedHashSet<>();
        for (Map<String, Object> r : concurrency) {
            seen.add(r.get("key") + "|" + r.get("schedule") + "|" + r.get("jobs"));
        }
        for (String key : seen) {
            String[] parts = key.split("\\|");
            int n = Integer.parseInt(parts[2]);
            Predicate<Map<String, Object>> which = r -> parts[1].equals(r.get("schedule")) && intOf(r, "jobs") == n;
            String schedule = SORA.equals(parts[0]) && "default".equals(parts[1])
                    ? "**default** (10 s first look, then aims at the estimated end)" : parts[1];
            line("| " + n + " | " + NAMES.get(parts[0]) + " | " + schedule + " | "
                 + format(median(parts[0], which, "statusRequestsPerJob"), 2) + " | "
                 + format(median(parts[0], which, "detectionMedianSeconds"), 2) + " | "
                 + format(median(parts[0], which, "detectionP95Seconds"), 2) + " | "
                 + format(median(parts[0], which, "delivered"), 0) + " |");
        }
        line("");
        Set<Integer> sizes = new TreeSet<>();
        concurrency.stream().filter(r -> SORA.equals(r.get("key")) && "default".equals(r.get("schedule")))
                .forEach(r -> sizes.add(intOf(r, "jobs")));
        for (int n : sizes) {
            Predicate<Map<String, Object>> defaults = r -> "default".equals(r.get("schedule")) && intOf(r, "jobs") == n;
            double requests = median(SORA, defaults, "statusRequestsPerJob");
            double detection = median(SORA, defaults, "detectionMedianSeconds");
            line("- camel-sora with default settings, N = " + n + ": **" + format(requests, 2)
                 + " status requests per job** (target ≤ 4: " + yes(requests <= 4) + "), **median detection delay "
                 + format(detection, 2) + " s** (target ≤ 3 s: " + yes(detection <= 3) + ").");
        }
        line("");
    }

    private void downloadTable() {
        if (downloads == null || downloads.isEmpty()) {
            return;
        }
        line("## 3. Downloads: one 1 GiB video, contender JVM with -Xmx64m");
        line("");
        line("The simulator serves a valid MP4 padded with a `free` box to 1 GiB (render time 0). camel-sora is timed"
             + " over the **whole** `sora:generate` exchange (create, one status request, download, MP4 check, atomic"
             + " move); the SDK and plain Camel over their download step only; `curl` by its own `time_total`, on the"
             + " same URL in the same run, right after camel-sora. Each JVM first downloads the same 1 GiB once, untimed"
             + " (class loading and JIT compilation are not what this measures).");
        line("");
        line("| | camel-sora | curl | openai-java SDK | plain Camel |");
        line("|---|---|---|---|---|");
        List<String> names = List.of("camel-sora", "curl", "openai-java SDK", "plain Camel");
        StringBuilder speed = new StringBuilder("| MiB/s (median) |");
        StringBuilder ratio = new StringBuilder("| ÷ curl, same run (median) |");
        StringBuilder oom = new StringBuilder("| OutOfMemoryError / failures |");
        for (String name : names) {
            List<Map<String, Object>> rows = downloads.stream().filter(r -> name.equals(r.get("key"))).toList();
            speed.append(' ').append(format(Stats.median(values(rows, "mibPerSecond")), 0)).append(" |");
            List<Double> ratios = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                downloads.stream().filter(c -> "curl".equals(c.get("key")) && Objects.equals(c.get("run"), r.get("run")))
                        .findFirst().ifPresent(c -> ratios.add(doubleOf(r, "mibPerSecond") / doubleOf(c, "mibPerSecond")));
            }
            ratio.append(' ').append(format(Stats.median(ratios), 2)).append(" |");
            long ooms = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("outOfMemory"))).count();
            long failures = rows.stream().filter(r -> r.get("error") != null).count();
            oom.append(' ').append(ooms).append(" / ").append(failures).append(" of ").append(rows.size()).append(" |");
        }
        line(speed.toString());
        line(ratio.toString());
        line(oom.toString());
        line("");
        double soraRatio = downloads.stream().filter(r -> "camel-sora".equals(r.get("key"))).mapToDouble(r -> {
            return downloads.stream().filter(c -> "curl".equals(c.get("key")) && Objects.equals(c.get("run"), r.get("run")))
                    .findFirst().map(c -> doubleOf(r, "mibPerSecond") / doubleOf(c, "mibPerSecond")).orElse(Double.NaN);
        }).sorted().skip(downloads.stream().filter(r -> "camel-sora".equals(r.get("key"))).count() / 2).findFirst()
                .orElse(Double.NaN);
        line("Target for camel-sora: at least 0.9 × curl and no OutOfMemoryError: " + yes(soraRatio >= 0.9
                && downloads.stream().noneMatch(r -> "camel-sora".equals(r.get("key")) && Boolean.TRUE.equals(r.get("outOfMemory"))))
             + ".");
        line("");
    }

    private void overheadTable() {
        if (overhead == null || overhead.isEmpty()) {
            return;
        }
        line("## 4. Per-exchange overhead: CPU per job, waiting excluded");
        line("");
        line("Render time 0, so a job is create → one status request → download of the small MP4 (no waiting)."
             + " CPU time of the contender JVM per job after a warm-up, 32 jobs in flight. The yardstick makes the same"
             + " calls on the bare asynchronous HttpClient 5 (the client camel-sora uses, same pool and I/O threads),"
             + " parsing JSON with Jackson and streaming the content to a file; camel-sora also runs the Camel"
             + " exchange, validates the request, checks the MP4's boxes and moves the file atomically.");
        line("");
        line("| | camel-sora | bare HttpClient 5 | camel-sora ÷ bare (median of per-run ratios) | target | met? |");
        line("|---|---|---|---|---|---|");
        List<Double> ratios = new ArrayList<>();
        for (Map<String, Object> r : overhead) {
            if (SORA.equals(r.get("key"))) {
                overhead.stream().filter(b -> "bare".equals(b.get("key")) && Objects.equals(b.get("run"), r.get("run")))
                        .findFirst().ifPresent(b -> ratios.add(doubleOf(r, "cpuMsPerJob") / doubleOf(b, "cpuMsPerJob")));
            }
        }
        double ratio = Stats.median(ratios);
        line("| CPU ms per job | " + format(Stats.median(values(only(overhead, SORA), "cpuMsPerJob")), 2) + " | "
             + format(Stats.median(values(only(overhead, "bare"), "cpuMsPerJob")), 2) + " | " + format(ratio, 2)
             + " | ≤ 1.5 | " + yes(ratio <= 1.5) + " |");
        line("| jobs per second | " + format(Stats.median(values(only(overhead, SORA), "jobsPerSecond")), 0) + " | "
             + format(Stats.median(values(only(overhead, "bare"), "jobsPerSecond")), 0) + " | | | |");
        line("");
    }

    private void notes() {
        line("## What went wrong, per run");
        line("");
        boolean any = false;
        List<Map<String, Object>> all = new ArrayList<>(concurrency);
        all.addAll(downloads);
        all.addAll(overhead);
        for (Map<String, Object> r : all) {
            Object errors = r.get("errors");
            boolean hasErrors = errors instanceof Map<?, ?> map && !map.isEmpty();
            if (r.get("error") != null || r.get("submitError") != null || hasErrors || Boolean.TRUE.equals(r.get("timedOut"))) {
                any = true;
                line("- run " + r.get("run") + ", " + NAMES.getOrDefault(String.valueOf(r.get("key")), String.valueOf(r.get("key")))
                     + (r.get("jobs") != null ? ", N = " + r.get("jobs") : "")
                     + (r.get("schedule") != null ? ", " + r.get("schedule") : "") + ": "
                     + (r.get("error") != null ? r.get("error") + " " : "")
                     + (r.get("submitError") != null ? "submitting stopped after " + r.get("submitted") + " jobs: "
                                                      + r.get("submitError") + " " : "")
                     + (hasErrors ? "failed jobs by cause " + errors + " " : "")
                     + (Boolean.TRUE.equals(r.get("timedOut")) ? "(not finished within the time limit)" : ""));
            }
        }
        if (!any) {
            line("Nothing: every job of every run was delivered.");
        }
        line("");
        line("Raw figures of every run: [`benchmarks-raw.json`](benchmarks-raw.json).");
    }

    private void row(int n, String label, Predicate<Map<String, Object>> which, String key, int decimals, String target,
                     Boolean met) {
        StringBuilder cells = new StringBuilder("| " + n + " | " + label + " |");
        for (String c : CONTENDERS) {
            cells.append(' ').append(format(median(c, which, key), decimals)).append(" |");
        }
        cells.append(' ').append(target).append(" | ").append(met == null ? "" : yes(met)).append(" |");
        line(cells.toString());
    }

    private void ratioRow(int n, String label, Predicate<Map<String, Object>> which, String key) {
        StringBuilder cells = new StringBuilder("| " + n + " | " + label + " | 1 |");
        for (String c : CONTENDERS.subList(1, CONTENDERS.size())) {
            List<Double> ratios = new ArrayList<>();
            for (Map<String, Object> r : concurrency) {
                if (c.equals(r.get("key")) && which.test(r)) {
                    concurrency.stream().filter(s -> SORA.equals(s.get("key")) && which.test(s)
                                    && Objects.equals(s.get("run"), r.get("run")))
                            .findFirst().ifPresent(s -> ratios.add(doubleOf(r, key) / doubleOf(s, key)));
                }
            }
            cells.append(' ').append(format(Stats.median(ratios), 1)).append(" |");
        }
        line(cells + " | |");
    }

    private double median(String contender, Predicate<Map<String, Object>> which, String key) {
        List<Map<String, Object>> rows = concurrency.stream()
                .filter(r -> contender.equals(r.get("key")) && which.test(r)).toList();
        return Stats.median(values(rows, key));
    }

    private static List<Map<String, Object>> only(List<Map<String, Object>> rows, String key) {
        return rows.stream().filter(r -> key.equals(r.get("key"))).toList();
    }

    private static List<Double> values(List<Map<String, Object>> rows, String key) {
        return rows.stream().map(r -> doubleOf(r, key)).filter(v -> !v.isNaN()).toList();
    }

    private static double doubleOf(Map<String, Object> r, String key) {
        return r.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static int intOf(Map<String, Object> r, String key) {
        return r.get(key) instanceof Number n ? n.intValue() : -1;
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

}
