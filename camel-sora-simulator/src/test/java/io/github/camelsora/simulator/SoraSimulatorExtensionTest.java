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

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A static extension: one simulator for the class (and its nested classes), injectable as a parameter. */
class SoraSimulatorExtensionTest {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ofSeconds(2)).apiKey("sk-sim-ext").build();

    private static SoraSimulator startedForClass;

    @BeforeAll
    static void capture(SoraSimulator simulator) {
        startedForClass = simulator;
    }

    @Test
    void simulatorIsRunningWithTheBuilderSettings(SoraSimulator simulator) {
        assertThat(simulator).isSameAs(SIM.simulator()).isSameAs(startedForClass);
        assertThat(SIM.baseUrl()).isEqualTo(simulator.baseUrl()).startsWith("http://127.0.0.1:").endsWith("/v1");
        assertThat(SIM.apiKey()).isEqualTo("sk-sim-ext");
        assertThat(simulator.renderTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(new SimClient(simulator).get("/videos").statusCode()).isEqualTo(200);
    }

    @Nested
    class NestedTests {

        @Test
        void nestedClassesShareTheSameSimulator(SoraSimulator simulator) {
            assertThat(simulator).isSameAs(startedForClass);
        }
    }
}
