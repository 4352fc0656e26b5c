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

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance-field extension: a fresh simulator for every test method. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SoraSimulatorInstanceExtensionTest {

    private static final List<SoraSimulator> SEEN = new ArrayList<>();

    @RegisterExtension
    final SoraSimulatorExtension sim = SoraSimulatorExtension.builder().build();

    @Test
    @Order(1)
    void firstTestGetsItsOwnSimulator(SoraSimulator simulator) {
        assertThat(simulator).isSameAs(sim.simulator());
        new SimClient(simulator).create("only in the first test");
        SEEN.add(simulator);
    }

    @Test
    @Order(2)
    void secondTestGetsAFreshOne(SoraSimulator simulator) {
        assertThat(SEEN).hasSize(1).doesNotContain(simulator);
        assertThat(simulator.totalCreates()).isZero();
        assertThat(simulator.apiKey()).isEqualTo("sk-sim");
    }
}
