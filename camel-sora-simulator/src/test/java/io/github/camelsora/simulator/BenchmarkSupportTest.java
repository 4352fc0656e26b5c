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

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What benchmarks need from a simulator in another process: jittered render times, padded videos, a job report. */
class BenchmarkSupportTest {

    @Test
    void renderTimesVaryWithinTheJitterAndTheReportShowsThem() {
        SoraSimulator.Builder builder = SimulatorMain.parse(new String[] {
                "--port", "0", "--render-time", "10s", "--render-jitter", "20%", "--no-draw-prompt"});
        try (SoraSimulator sim = builder.start()) {
            SimClient client = new SimClient(sim);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(client.create("bench-a " + i));
            }
            client.create("other");
            client.retrieve(ids.get(0));

            JsonNode report = SimClient.json(client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + sim.port() + "/_simulator/jobs?prompt_contains=bench-a"))
                    .header("Authorization", "Bearer " + sim.apiKey()).build()));
            JsonNode jobs = report.get("data");
            assertThat(jobs).hasSize(20);
            List<Long> renderMillis = new ArrayList<>();
            for (JsonNode job : jobs) {
                assertThat(ids).contains(job.get("id").asText());
                renderMillis.add(job.get("finishes_at_ms").asLong() - job.get("created_at_ms").asLong());
            }
            assertThat(renderMillis).allSatisfy(ms -> assertThat(ms).isBetween(8_000L, 12_000L));
            assertThat(renderMillis.stream().distinct().count()).isGreaterThan(1);
            assertThat(jobs.get(0).get("status_reads").asInt()).isEqualTo(1);
        }
    }

    @Test
    void theReportNeedsTheKey() {
        try (SoraSimulator sim = SoraSimulator.builder().start()) {
            SimClient client = new SimClient(sim);
            assertThat(client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + sim.port() + "/_simulator/jobs")).build()).statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void paddedVideosFromTheCommandLine() {
        SoraSimulator.Builder builder = SimulatorMain.parse(new String[] {
                "--port", "0", "--render-time", "0s", "--video-bytes", "[big]=2m", "--no-draw-prompt"});
        try (SoraSimulator sim = builder.start()) {
            SimClient client = new SimClient(sim);
            String id = client.create("a [big] one");
            var response = client.get("/videos/" + id + "/content");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).hasSize(2 << 20);
        }
    }

    @Test
    void parsesFractionsAndByteCounts() {
        assertThat(SimulatorMain.parseFraction("--render-jitter", "0.2")).isEqualTo(0.2);
        assertThat(SimulatorMain.parseFraction("--render-jitter", "20%")).isEqualTo(0.2);
        assertThatThrownBy(() -> SimulatorMain.parseFraction("--render-jitter", "150%"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SimulatorMain.parseBytes("1g")).isEqualTo(1L << 30);
        assertThat(SimulatorMain.parseBytes("512M")).isEqualTo(512L << 20);
        assertThat(SimulatorMain.parseBytes("1073741824")).isEqualTo(1L << 30);
        assertThatThrownBy(() -> SimulatorMain.parseBytes("lots")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--video-bytes", "nomarker"}))
                .hasMessageContaining("MARKER=BYTES");
    }

    @Test
    void jitterIsAFraction() {
        assertThatThrownBy(() -> SoraSimulator.builder().renderTimeJitter(1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
