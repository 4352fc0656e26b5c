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

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CountersTest {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ZERO).resetBeforeEach(true).build();

    @Test
    void countsCreatesStatusReadsAndDownloadsPerVideo() {
        SoraSimulator sim = SIM.simulator();
        SimClient client = new SimClient(sim);
        String first = client.create("first");
        String second = client.create("second");

        client.retrieve(first);
        client.retrieve(first);
        client.retrieve(second);
        assertThat(client.get("/videos/" + first + "/content?variant=thumbnail").statusCode()).isEqualTo(200);
        client.get("/videos");

        assertThat(sim.counters(first)).isEqualTo(new VideoCounters(1, 2, 1));
        assertThat(sim.counters(second)).isEqualTo(new VideoCounters(1, 1, 0));
        assertThat(sim.counters("video_unknown")).isEqualTo(new VideoCounters(0, 0, 0));
        assertThat(sim.totalCreates()).isEqualTo(2);
        assertThat(sim.totalStatusReads()).isEqualTo(3);
        assertThat(sim.totalDownloads()).isEqualTo(1);
        assertThat(sim.totalRequests()).isEqualTo(7);
        assertThat(sim.createdVideoIds()).containsExactly(first, second);
    }

    @Test
    void rejectedRequestsCountAsRequestsOnly() {
        SoraSimulator sim = SIM.simulator();
        SimClient client = new SimClient(sim);
        client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/videos")).GET().build()); // no key
        client.postJson("{}"); // invalid
        client.get("/videos/video_nope");

        assertThat(sim.totalRequests()).isEqualTo(3);
        assertThat(sim.totalCreates()).isZero();
        assertThat(sim.totalStatusReads()).isZero();
        assertThat(sim.createdVideoIds()).isEmpty();
    }

    @Test
    void resetClearsCounters() {
        SoraSimulator sim = SIM.simulator();
        String id = new SimClient(sim).create("to forget");
        sim.reset();

        assertThat(sim.counters(id)).isEqualTo(new VideoCounters(0, 0, 0));
        assertThat(sim.totalRequests()).isZero();
        assertThat(sim.createdVideoIds()).isEmpty();
    }
}
