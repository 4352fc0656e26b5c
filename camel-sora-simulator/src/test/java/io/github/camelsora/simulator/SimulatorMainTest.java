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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorMainTest {

    @ParameterizedTest
    @CsvSource({"5s, 5000", "500ms, 500", "PT5S, 5000", "pt0.25s, 250", "2m, 120000", "1h, 3600000", "3, 3000",
            "1.5s, 1500", "0s, 0"})
    void parsesDurations(String text, long millis) {
        assertThat(SimulatorMain.parseDuration(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void rejectsBadDurations() {
        assertThatThrownBy(() -> SimulatorMain.parseDuration("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsedOptionsStartAMatchingSimulator() {
        SoraSimulator.Builder builder = SimulatorMain.parse(new String[] {
                "--port", "0", "--render-time", "750ms", "--api-key=sk-main", "--poll-after-ms", "1200", "--no-draw-prompt"});

        try (SoraSimulator sim = builder.start()) {
            assertThat(sim.apiKey()).isEqualTo("sk-main");
            assertThat(sim.renderTime()).isEqualTo(Duration.ofMillis(750));
            SimClient client = new SimClient(sim);
            String id = client.create("main");
            assertThat(client.get("/videos/" + id).headers().firstValue("openai-poll-after-ms")).hasValue("1200");
        }
    }

    @Test
    void helpAndUnknownOptions() {
        assertThat(SimulatorMain.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--colour"})).hasMessageContaining("--colour");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port"})).hasMessageContaining("Missing value");
    }
}
