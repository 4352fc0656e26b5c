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
package io.github.camelsora.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import io.github.camelsora.simulator.SoraSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash test (a): a separate JVM runs file -> sora -> file over 50 prompts with a file job store and is killed with
 * SIGKILL at random moments, then restarted, until all are done. The simulator, in this JVM, counts the creates.
 */
class FileCrashIT {

    private static final int PROMPTS = 50;

    @TempDir
    Path temp;
    private SoraSimulator sim;
    private Process worker;

    @AfterEach
    void stop() throws InterruptedException {
        if (worker != null) {
            CrashSupport.kill(worker);
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void fiftyPromptsSurviveRepeatedSigkillWithExactlyFiftyCreates() throws Exception {
        sim = SoraSimulator.builder().apiKey("sk-sim-crash").renderTime(Duration.ofMillis(1500)).drawPrompt(false)
                .start();
        Path in = Files.createDirectories(temp.resolve("in"));
        Path out = Files.createDirectories(temp.resolve("out"));
        Path store = temp.resolve("store");
        for (int i = 0; i < PROMPTS; i++) {
            Files.writeString(in.resolve(String.format("prompt-%02d.txt", i)), "crash test prompt number " + i);
        }
        Path log = Path.of("target", "crash-file-worker.log");
        Files.deleteIfExists(log);
        String[] args = {"mode=file", "baseUrl=" + sim.baseUrl(), "apiKey=" + sim.apiKey(), "in=" + in,
            "out=" + out, "store=" + store};
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        int kills = 0;

        // kill at random numbers of creates, then at random numbers of deliveries, then let it finish
        int[] createTargets = {5 + random.nextInt(10), 20 + random.nextInt(15), 40 + random.nextInt(10)};
        for (int target : createTargets) {
            worker = CrashSupport.startWorker(log, args);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .until(() -> sim.totalCreates() >= Math.min(target, PROMPTS) || !worker.isAlive());
            CrashSupport.kill(worker);
            kills++;
        }
        int deliveredTarget = Math.min(PROMPTS - 5, CrashSupport.mp4s(out).size() + 3 + random.nextInt(5));
        worker = CrashSupport.startWorker(log, args);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                .until(() -> CrashSupport.mp4s(out).size() >= deliveredTarget || !worker.isAlive());
        CrashSupport.kill(worker);
        kills++;

        worker = CrashSupport.startWorker(log, args);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> CrashSupport.mp4s(out).size() >= PROMPTS && isEmptyOfPrompts(in));
        CrashSupport.kill(worker);

        int creates = sim.totalCreates();
        long valid = CrashSupport.validMp4s(out);
        io.github.camelsora.ReliabilityFiguresAccess.record("crash (a): file -> sora -> file, " + kills
                + " x SIGKILL (seed " + seed + ")", PROMPTS, creates, (int) valid, creates - PROMPTS,
                PROMPTS - (int) valid);
        assertThat(creates).as("creates seen by the simulator (seed %d)", seed).isEqualTo(PROMPTS);
        assertThat(valid).isEqualTo(PROMPTS);
        assertThat(CrashSupport.leftovers(out)).as("half-written files in the output").isEmpty();
        assertThat(sim.createdVideoIds()).allSatisfy(id -> assertThat(out.resolve(id + ".mp4")).exists());
    }

    private static boolean isEmptyOfPrompts(Path in) throws java.io.IOException {
        try (var files = Files.list(in)) {
            return files.noneMatch(f -> f.getFileName().toString().endsWith(".txt"));
        }
    }
}
