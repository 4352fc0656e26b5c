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

import static io.github.camelsora.simulator.VideoAssertions.assertVideoResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateVideoLifecycleTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static SoraSimulator sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = SoraSimulator.builder().clock(CLOCK).renderTime(Duration.ofSeconds(10)).apiKey("sk-sim-test").start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    @Test
    void baseUrlPointsAtLoopback() {
        assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port() + "/v1");
        assertThat(sim.port()).isPositive();
        assertThat(sim.apiKey()).isEqualTo("sk-sim-test");
    }

    @Test
    void jsonCreateAnswersAQueuedVideoWithDefaults() {
        HttpResponse<byte[]> response = client.postJson("{\"prompt\":\"A calico cat playing a piano\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().firstValue("x-request-id")).hasValueSatisfying(id -> assertThat(id).matches("req_[0-9a-f]{32}"));
        JsonNode video = SimClient.json(response);
        assertVideoResource(video);
        assertThat(video.get("status").asText()).isEqualTo("queued");
        assertThat(video.get("progress").asInt()).isZero();
        assertThat(video.get("model").asText()).isEqualTo("sora-2");
        assertThat(video.get("size").asText()).isEqualTo("720x1280");
        assertThat(video.get("seconds").asText()).isEqualTo("4");
        assertThat(video.get("prompt").asText()).isEqualTo("A calico cat playing a piano");
        assertThat(video.get("created_at").asLong()).isEqualTo(CLOCK.instant().getEpochSecond());
        assertThat(video.get("completed_at").isNull()).isTrue();
        assertThat(video.get("expires_at").isNull()).isTrue();
        assertThat(video.get("remixed_from_video_id").isNull()).isTrue();
        assertThat(video.get("error").isNull()).isTrue();
    }

    @Test
    void jsonCreateKeepsTheRequestedModelSizeAndSeconds() {
        JsonNode video = SimClient.json(client.postJson(
                "{\"prompt\":\"p\",\"model\":\"sora-2-pro\",\"size\":\"1920x1080\",\"seconds\":\"20\"}"));

        assertThat(video.get("model").asText()).isEqualTo("sora-2-pro");
        assertThat(video.get("size").asText()).isEqualTo("1920x1080");
        assertThat(video.get("seconds").asText()).isEqualTo("20");
    }

    @Test
    void statusGoesQueuedThenInProgressWithRisingProgressThenCompleted() {
        String id = client.create("lifecycle");
        long createdAt = client.retrieve(id).get("created_at").asLong();

        assertThat(client.retrieve(id).get("status").asText()).isEqualTo("queued");
        CLOCK.advance(Duration.ofMillis(900)); // 9 %: still queued
        assertThat(client.retrieve(id).get("status").asText()).isEqualTo("queued");

        List<Integer> progress = new ArrayList<>();
        for (int step = 0; step < 8; step++) {
            CLOCK.advance(Duration.ofSeconds(1));
            JsonNode video = client.retrieve(id);
            assertVideoResource(video);
            assertThat(video.get("status").asText()).isEqualTo("in_progress");
            assertThat(video.get("completed_at").isNull()).isTrue();
            progress.add(video.get("progress").asInt());
        }
        assertThat(progress).isSorted().doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isBetween(1, 99));
        assertThat(progress.get(0)).isEqualTo(19);

        CLOCK.advance(Duration.ofMillis(1100)); // exactly 10 s after create
        JsonNode done = client.retrieve(id);
        assertVideoResource(done);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("completed_at").asLong()).isEqualTo(createdAt + 10);
        assertThat(done.get("expires_at").asLong()).isEqualTo(createdAt + 10 + 3600);
        assertThat(done.get("error").isNull()).isTrue();
    }

    @Test
    void setRenderTimeAffectsOnlyJobsCreatedAfterwards() {
        String before = client.create("before");
        sim.setRenderTime(Duration.ofSeconds(2));
        String after = client.create("after");

        CLOCK.advance(Duration.ofSeconds(2));

        assertThat(client.retrieve(before).get("status").asText()).isEqualTo("in_progress");
        assertThat(client.retrieve(after).get("status").asText()).isEqualTo("completed");
        assertThat(sim.renderTime()).isEqualTo(Duration.ofSeconds(2));
        sim.reset();
        assertThat(sim.renderTime()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void renderTimeCanBeOverriddenPerPromptMarker() {
        sim.renderTimeWhenPromptContains("[slow]", Duration.ofSeconds(50));
        sim.renderTimeWhenPromptContains("[instant]", Duration.ZERO);
        String slow = client.create("a [slow] one");
        String instant = client.create("an [instant] one");
        String normal = client.create("a normal one");

        assertThat(client.retrieve(instant).get("status").asText()).isEqualTo("completed");
        CLOCK.advance(Duration.ofSeconds(10));
        assertThat(client.retrieve(normal).get("status").asText()).isEqualTo("completed");
        assertThat(client.retrieve(slow).get("status").asText()).isEqualTo("in_progress");
        assertThat(client.retrieve(slow).get("progress").asInt()).isEqualTo(20);
    }

    @Test
    void pollAfterHeaderOnlyOnNonTerminalRetrievesWhenConfigured() {
        String id = client.create("poll hint");
        assertThat(client.get("/videos/" + id).headers().firstValue("openai-poll-after-ms")).isEmpty();

        sim.setPollAfterMs(1500L);
        assertThat(client.get("/videos/" + id).headers().firstValue("openai-poll-after-ms")).hasValue("1500");
        CLOCK.advance(Duration.ofSeconds(10));
        assertThat(client.get("/videos/" + id).headers().firstValue("openai-poll-after-ms")).isEmpty();
    }

    @Test
    void completesOnTheSystemClockToo() {
        try (SoraSimulator realTime = SoraSimulator.builder().renderTime(Duration.ofMillis(300)).start()) {
            SimClient realClient = new SimClient(realTime);
            String id = realClient.create("real clock");

            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> realClient.retrieve(id).get("status").asText().equals("completed"));
            assertThat(realClient.retrieve(id).get("progress").asInt()).isEqualTo(100);
        }
    }
}
