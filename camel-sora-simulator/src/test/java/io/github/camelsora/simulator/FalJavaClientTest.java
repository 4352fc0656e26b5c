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
import static org.awaitility.Awaitility.await;

import ai.fal.client.ClientConfig;
import ai.fal.client.CredentialsResolver;
import ai.fal.client.FalClient;
import ai.fal.client.Output;
import ai.fal.client.queue.QueueResultOptions;
import ai.fal.client.queue.QueueStatus;
import ai.fal.client.queue.QueueStatusOptions;
import ai.fal.client.queue.QueueSubmitOptions;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * fal's official Java client (ai.fal.client:fal-client) against the simulator's fal dialect: submit to the queue,
 * status until completed, result with the video URL, and the video from the media host. The client is pointed at the
 * simulator through its proxy setting (it sends each request to the proxy with {@code X-Fal-Target-Url}, as fal's
 * server-side proxies expect); the key still travels as {@code Authorization: Key}.
 */
class FalJavaClientTest {

    private static final String MODEL = "fal-ai/kling-video/v2.1/standard/text-to-video";
    private static SoraSimulator sim;

    @BeforeAll
    static void start() {
        sim = SoraSimulator.builder().dialect(Dialect.FAL).apiKey("fal-key-sim").renderTime(Duration.ofSeconds(1))
                .recordExchanges(true).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void theOfficialClientSubmitsPollsAndGetsTheVideo() throws Exception {
        FalClient fal = FalClient.withConfig(ClientConfig.builder()
                .withCredentials(CredentialsResolver.fromApiKey(sim.apiKey()))
                .withProxyUrl("http://127.0.0.1:" + sim.port() + "/fal/proxy")
                .build());

        QueueStatus.InQueue queued = fal.queue().submit(MODEL,
                QueueSubmitOptions.withInput(Map.of("prompt", "A kite over dunes, official client", "duration", "4")));
        String requestId = queued.getRequestId();
        assertThat(requestId).isNotBlank();

        AtomicReference<QueueStatus.StatusUpdate> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last.set(fal.queue().status(MODEL, QueueStatusOptions.withRequestId(requestId)));
            return last.get() instanceof QueueStatus.Completed;
        });

        Output<JsonObject> result = fal.queue().result(MODEL, QueueResultOptions.withRequestId(requestId));
        String url = result.getData().getAsJsonObject("video").get("url").getAsString();
        assertThat(url).startsWith("http://localhost:" + sim.port() + "/media/");
        HttpResponse<byte[]> video = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(new String(video.body(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        // every API request carried the key as fal wants it
        assertThat(sim.recordedExchanges()).filteredOn(e -> !e.path().startsWith("/media/"))
                .allSatisfy(e -> assertThat(e.status()).isLessThan(400));
        assertThat(sim.counters(requestId).creates()).isEqualTo(1);
    }
}
