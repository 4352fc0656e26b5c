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

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Jobs are clock-computed records: serving hundreds of them must not start any thread. */
class ThreadStabilityTest {

    private static final int JOBS = 200;
    private static final int CLIENT_THREADS = 8;

    /**
     * Compares thread identities rather than counts: threads of other tests may end meanwhile, but no thread
     * may start while the simulator serves.
     */
    @Test
    void twoHundredJobsInFlightDoNotChangeTheThreadCount() throws Exception {
        MutableClock clock = new MutableClock();
        ExecutorService callers = Executors.newFixedThreadPool(CLIENT_THREADS);
        ExecutorService clientExecutor = Executors.newFixedThreadPool(2);
        try (SoraSimulator sim = SoraSimulator.builder().clock(clock).renderTime(Duration.ofSeconds(60))
                .drawPrompt(false).start()) {
            SimClient client = new SimClient(sim, clientExecutor);
            assertThat(threadNames()).filteredOn(name -> name.startsWith("sora-sim-http-")).hasSize(8);
            // warm the client side (its selector and pool threads) and our caller pool before the baseline
            runConcurrently(callers, CLIENT_THREADS, i -> client.get("/videos?limit=1"));
            Set<Thread> baseline = liveThreads();

            List<String> ids = runConcurrently(callers, JOBS, i -> client.create("job " + i));
            assertThat(newThreadsSince(baseline)).isEmpty();

            for (int round = 0; round < 3; round++) {
                clock.advance(Duration.ofSeconds(20));
                List<String> statuses = runConcurrently(callers, JOBS,
                        i -> client.retrieve(ids.get(i)).get("status").asText());
                assertThat(newThreadsSince(baseline)).isEmpty();
                if (round < 2) {
                    assertThat(statuses).containsOnly("in_progress");
                } else {
                    assertThat(statuses).containsOnly("completed");
                }
            }
            JsonNode page = SimClient.json(client.get("/videos?limit=100"));
            assertThat(page.get("data")).hasSize(100);
            assertThat(sim.totalCreates()).isEqualTo(JOBS);
            assertThat(sim.totalStatusReads()).isEqualTo(3 * JOBS);
            assertThat(newThreadsSince(baseline)).isEmpty();
        } finally {
            callers.shutdownNow();
            clientExecutor.shutdownNow();
            callers.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void closeStopsEveryThreadTheSimulatorStarted() {
        SoraSimulator sim = SoraSimulator.builder().start();
        new SimClient(sim).create("one job");
        sim.close();

        assertThat(threadNames()).noneMatch(name -> name.startsWith("sora-sim-"));
    }

    private interface IndexedCall<T> {
        T call(int index) throws Exception;
    }

    private static <T> List<T> runConcurrently(ExecutorService pool, int count, IndexedCall<T> call) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> call.call(index)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /** Names of threads alive now that were not alive at the baseline (threads that ended don't matter). */
    private static List<String> newThreadsSince(Set<Thread> baseline) {
        return liveThreads().stream().filter(thread -> !baseline.contains(thread)).map(Thread::getName).toList();
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }
}
