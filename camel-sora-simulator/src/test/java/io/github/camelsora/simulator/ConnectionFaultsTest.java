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

import static io.github.camelsora.simulator.VideoAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionFaultsTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static SoraSimulator sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = SoraSimulator.builder().clock(CLOCK).renderTime(Duration.ofSeconds(4)).drawPrompt(false).start();
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
    void dropAfterProcessingCreatesTheJobButAnswersNothing() {
        sim.dropConnection(Route.CREATE, true);

        assertThatThrownBy(() -> client.postJson("{\"prompt\":\"lost answer\"}"))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);

        assertThat(sim.totalCreates()).isEqualTo(1);
        JsonNode listed = SimClient.json(client.get("/videos"));
        assertThat(listed.get("data").get(0).get("prompt").asText()).isEqualTo("lost answer");
        assertThat(client.postJson("{\"prompt\":\"next\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void dropBeforeProcessingCreatesNothing() {
        sim.dropConnection(Route.CREATE, false);

        assertThatThrownBy(() -> client.postJson("{\"prompt\":\"never\"}")).isInstanceOf(UncheckedIOException.class);

        assertThat(sim.totalCreates()).isZero();
    }

    @Test
    void truncatedDownloadSendsLessThanItsContentLength() {
        String id = client.create("cut");
        CLOCK.advance(Duration.ofSeconds(5));
        sim.truncateNext(Route.CONTENT, 0.5);

        assertThatThrownBy(() -> client.get("/videos/" + id + "/content")).isInstanceOf(UncheckedIOException.class);

        HttpResponse<byte[]> whole = client.get("/videos/" + id + "/content");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat((long) whole.body().length)
                .isEqualTo(Long.parseLong(whole.headers().firstValue("Content-Length").orElseThrow()));
    }

    @Test
    void delayedRequestStillAnswers() {
        sim.delayNext(Route.LIST, Duration.ofMillis(300));
        long start = System.nanoTime();

        HttpResponse<byte[]> listed = client.get("/videos");

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void expiredJobsSayExpiredAndServeNoContent() {
        sim.expireWhenPromptContains("[expire]", Duration.ofSeconds(10));
        String id = client.create("short lived [expire]");
        CLOCK.advance(Duration.ofSeconds(5));
        assertThat(client.retrieve(id).get("status").asText()).isEqualTo("completed");

        CLOCK.advance(Duration.ofSeconds(10));

        JsonNode expired = client.retrieve(id);
        assertThat(expired.get("status").asText()).isEqualTo("expired");
        assertThat(expired.get("expires_at").asLong()).isLessThanOrEqualTo(CLOCK.instant().getEpochSecond());
        assertError(client.get("/videos/" + id + "/content"), 404, null, "video_expired");
    }
}
