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
import static io.github.camelsora.simulator.VideoAssertions.assertVideoResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static SoraSimulator sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = SoraSimulator.builder().clock(CLOCK).renderTime(Duration.ofSeconds(4)).start();
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
    void enqueuedRateLimitAnswersOnceWithRetryAfter() {
        sim.enqueueError(Route.CREATE, 429, "rate_limit_error", "rate_limit_exceeded", "Rate limit reached for sora-2",
                Map.of("Retry-After", "2", "x-ratelimit-remaining-requests", "0"));

        HttpResponse<byte[]> limited = client.postJson("{\"prompt\":\"p\"}");
        HttpResponse<byte[]> next = client.postJson("{\"prompt\":\"p\"}");

        JsonNode error = assertError(limited, 429, null, "rate_limit_exceeded");
        assertThat(error.get("type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.get("message").asText()).isEqualTo("Rate limit reached for sora-2");
        assertThat(limited.headers().firstValue("retry-after")).hasValue("2");
        assertThat(limited.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(sim.totalCreates()).isEqualTo(1);
        assertThat(sim.createdVideoIds()).hasSize(1);
    }

    @Test
    void errorsQueuePerRouteInFifoOrder() {
        String id = client.create("fifo");
        sim.enqueueError(Route.RETRIEVE, 503, "server_error", null, "first", null);
        sim.enqueueError(Route.RETRIEVE, 500, "server_error", "boom", "second", Map.of());

        assertThat(client.get("/videos").statusCode()).isEqualTo(200); // other routes unaffected
        JsonNode first = assertError(client.get("/videos/" + id), 503, null, null);
        JsonNode second = assertError(client.get("/videos/" + id), 500, null, "boom");
        assertThat(first.get("message").asText()).isEqualTo("first");
        assertThat(second.get("message").asText()).isEqualTo("second");
        assertThat(client.get("/videos/" + id).statusCode()).isEqualTo(200);
        assertThat(sim.counters(id).statusReads()).isEqualTo(1);
    }

    @Test
    void faultsAreAnsweredOnListDeleteAndContentToo() {
        String id = client.create("routes");
        sim.enqueueError(Route.LIST, 502, "server_error", null, "bad gateway", null);
        sim.enqueueError(Route.DELETE, 409, "invalid_request_error", "conflict", "lock timeout", null);
        sim.enqueueError(Route.CONTENT, 500, "server_error", null, "storage down", null);

        assertError(client.get("/videos"), 502, null, null);
        assertError(client.delete("/videos/" + id), 409, null, "conflict");
        assertError(client.get("/videos/" + id + "/content"), 500, null, null);
        assertThat(client.retrieve(id).get("id").asText()).isEqualTo(id);
    }

    @Test
    void enqueueErrorRejectsNonErrorStatus() {
        assertThatThrownBy(() -> sim.enqueueError(Route.CREATE, 200, "x", null, "m", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failWhenPromptContainsEndsTheJobFailed() {
        sim.failWhenPromptContains("[moderate]", "moderation_blocked", "Your request was blocked by moderation.");
        String failing = client.create("a [moderate] prompt");
        String fine = client.create("a fine prompt");

        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(client.retrieve(failing).get("status").asText()).isEqualTo("in_progress");
        CLOCK.advance(Duration.ofSeconds(2));
        JsonNode failed = client.retrieve(failing);

        assertVideoResource(failed);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").get("code").asText()).isEqualTo("moderation_blocked");
        assertThat(failed.get("error").get("message").asText()).isEqualTo("Your request was blocked by moderation.");
        assertThat(failed.get("expires_at").isNull()).isTrue();
        assertThat(client.retrieve(fine).get("status").asText()).isEqualTo("completed");
        assertError(client.get("/videos/" + failing + "/content"), 400, null, "video_not_ready");
    }

    @Test
    void resetClearsFaultsAndRules() {
        sim.enqueueError(Route.CREATE, 500, "server_error", null, "never seen", null);
        sim.failWhenPromptContains("x", "c", "m");
        sim.reset();

        String id = client.create("x marks the spot");
        CLOCK.advance(Duration.ofSeconds(4));
        assertThat(client.retrieve(id).get("status").asText()).isEqualTo("completed");
    }
}
