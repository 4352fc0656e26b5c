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

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's harness on a small scale (200 jobs, 2 s renders): every contender delivers every video and
 * camel-sora's threads stay bounded. Behaviour only: timings are for {@code run.sh}, never asserted here.
 */
class BenchmarkSmokeIT {

    private static final int JOBS = 200;

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ofSeconds(2))
            .drawPrompt(false)
            .httpThreads(16)
            .build();

    @TempDir
    Path output;

    private Target target() {
        return new Target(SIM.baseUrl(), SIM.apiKey(), output, Duration.ofSeconds(1), JOBS);
    }

    @Test
    void camelSoraDeliversEveryJobOnFewThreads() throws Exception {
        Map<String, Object> result = ConcurrencyRun.run(Worker.contender("sora", target(), null, JOBS), target(), JOBS,
                "smoke-sora", Duration.ofMinutes(2));

        assertThat(result.get("delivered")).isEqualTo((long) JOBS);
        assertThat(result.get("jobsCreated")).isEqualTo(JOBS);
        assertThat((int) result.get("threadsAdded")).isLessThanOrEqualTo(32);
        assertThat((double) result.get("statusRequestsPerJob")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void plainCamelDeliversEveryJob() throws Exception {
        Map<String, Object> result = ConcurrencyRun.run(Worker.contender("camel", target(), null, JOBS), target(), JOBS,
                "smoke-camel", Duration.ofMinutes(2));

        assertThat(result.get("delivered")).isEqualTo((long) JOBS);
        assertThat(result.get("jobsCreated")).isEqualTo(JOBS);
    }

    @Test
    void theSdkDeliversEveryJob() throws Exception {
        Map<String, Object> result = ConcurrencyRun.run(Worker.contender("sdk", target(), null, JOBS), target(), JOBS,
                "smoke-sdk", Duration.ofMinutes(2));

        assertThat(result.get("delivered")).isEqualTo((long) JOBS);
        assertThat(result.get("jobsCreated")).isEqualTo(JOBS);
    }

    @Test
    void theBareClientDeliversEveryJob() throws Exception {
        Map<String, Object> result = ConcurrencyRun.run(Worker.contender("bare", target(), null, JOBS), target(), JOBS,
                "smoke-bare", Duration.ofMinutes(2));

        assertThat(result.get("delivered")).isEqualTo((long) JOBS);
    }
}
