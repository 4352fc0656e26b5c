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
package io.github.camelsora.examples;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sora developer console over HTTP, as docs/user-guide.md ("Dev console") says: camel-main with
 * camel-platform-http-main and camel-console serves it at /q/dev/sora (Camel JBang's {@code camel run --console}
 * turns on the same server), and the producer readiness check is in /observe/health/ready.
 */
class DevConsoleIT {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey("sk-sim-console-it")
            // long enough for the job to be certainly in flight when the console is asked
            .renderTime(Duration.ofSeconds(15))
            .build();

    @TempDir
    Path work;

    @Test
    void theSoraConsoleListsTheJobInFlightAtQDevSora() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Main main = new Main();
        main.addInitialProperty("camel.main.devConsoleEnabled", "true");
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.port", String.valueOf(port));
        main.addInitialProperty("camel.management.devConsoleEnabled", "true");
        main.addInitialProperty("camel.management.healthCheckEnabled", "true");
        main.addInitialProperty("camel.health.producersEnabled", "true");
        main.addInitialProperty("camel.health.exposureLevel", "full");
        main.addInitialProperty("camel.component.sora.base-url", SIM.baseUrl());
        main.addInitialProperty("camel.component.sora.api-key", SIM.apiKey());
        main.addInitialProperty("camel.component.sora.output-directory", work.toString());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").routeId("generate").to("sora:generate?pollDelay=200&size=1280x720");
            }
        });
        main.start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            CompletableFuture<File> video = main.getCamelContext().createProducerTemplate()
                    .asyncRequestBody("direct:generate", "A windmill at dusk", File.class);
            String console = "http://localhost:" + port + "/q/dev/sora";
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(console)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("Jobs in flight: 1").contains("video_")
                        .contains("sora-2 1280x720 4s");
            });
            assertThat(video.get(90, TimeUnit.SECONDS)).isFile();

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/observe/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // the producer readiness check: the provider accepts the key
            assertThat(health.body()).contains("producer:sora-").doesNotContain("DOWN");
        } finally {
            main.stop();
        }
    }
}
