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
