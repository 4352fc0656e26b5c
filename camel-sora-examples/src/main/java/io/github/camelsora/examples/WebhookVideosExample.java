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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelsora.SoraConstants;
import io.github.camelsora.simulator.SoraSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * Event-driven generation on camel-main: no status polling when the provider sends webhooks.
 * <ul>
 * <li>Route {@code prompts}: each prompt file becomes a job; with {@code completion=webhook} the exchange waits
 * (holding no thread) for the job's signed {@code video.completed} event, then downloads the MP4.</li>
 * <li>Route {@code webhook-events}: {@code sora:webhook}, served by camel-main's HTTP server
 * ({@code camel.server.*}, from camel-platform-http-main), verifies every request's signature; events of jobs this
 * application is not waiting for (submitted by another system, or before a restart) are downloaded here.</li>
 * </ul>
 * Settings are camel-main properties: {@code camel.component.sora.*} for the component, {@code camel.server.*} for
 * the HTTP server. {@code main} runs it against the in-process simulator, which signs and sends the webhooks.
 */
public final class WebhookVideosExample implements AutoCloseable {

    private final Main main = new Main();
    private final Path staging;

    /**
     * @param baseUrl       the server of the /v1/videos protocol
     * @param webhookSecret the signing secret of the webhook, as the provider shows it ({@code whsec_...})
     * @param port          where camel-main's HTTP server listens; the webhook URL is
     *                      {@code http://<host>:<port>/sora/webhook}
     */
    public WebhookVideosExample(Path prompts, Path output, String baseUrl, String apiKey, String webhookSecret,
                                int port) throws Exception {
        staging = Files.createTempDirectory("camel-sora-webhook-example");
        main.addInitialProperty("camel.main.name", "sora-webhook-example");
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.sora.baseUrl", baseUrl);
        main.addInitialProperty("camel.component.sora.apiKey", apiKey);
        main.addInitialProperty("camel.component.sora.webhookSecret", webhookSecret);
        main.addInitialProperty("camel.component.sora.outputDirectory", staging.toString());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + prompts.toAbsolutePath() + "?noop=true&include=.*\\.txt&charset=UTF-8")
                        .routeId("prompts")
                        .log("Generating a video for ${header.CamelFileName}")
                        .to("sora:generate?size=1280x720&completion=webhook&safetyPollDelay=5m")
                        .to("file:" + output.toAbsolutePath())
                        .process(e -> Files.deleteIfExists(e.getMessage().getBody(File.class).toPath()))
                        .log("Saved ${header.CamelFileName}, completed by its webhook event");

                from("sora:webhook?download=true")
                        .routeId("webhook-events")
                        .log("${header." + SoraConstants.EVENT_TYPE + "} for ${header." + SoraConstants.VIDEO_ID
                             + "} (not awaited here)")
                        .filter(header(SoraConstants.STATUS).isEqualTo("completed"))
                        .to("file:" + output.toAbsolutePath())
                        .process(e -> Files.deleteIfExists(e.getMessage().getBody(File.class).toPath()));
            }
        });
    }

    /** Starts the routes and the HTTP server; returns at once. */
    public void start() throws Exception {
        main.start();
    }

    /** Runs until the JVM is asked to stop (Ctrl+C), then shuts down gracefully. */
    public void run() throws Exception {
        main.run();
    }

    @Override
    public void close() throws Exception {
        main.stop();
        try (var leftovers = Files.list(staging)) {
            if (leftovers.findAny().isEmpty()) {
                Files.delete(staging);
            }
        }
    }

    /** Runs against the simulator until killed: {@code java ... WebhookVideosExample [prompts] [videos] [port]}. */
    public static void main(String[] args) throws Exception {
        Path prompts = Path.of(args.length > 0 ? args[0] : "prompts");
        Path output = Path.of(args.length > 1 ? args[1] : "videos");
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 8080;
        String secret = SoraSimulator.newWebhookSecret();
        try (SoraSimulator simulator = SoraSimulator.builder()
                .renderTime(Duration.ofSeconds(3))
                .webhook("http://127.0.0.1:" + port + "/sora/webhook", secret)
                .start();
             WebhookVideosExample example = new WebhookVideosExample(prompts, output, simulator.baseUrl(),
                     simulator.apiKey(), secret, port)) {
            System.out.println("Webhooks at http://127.0.0.1:" + port + "/sora/webhook; videos go to "
                               + output.toAbsolutePath() + ". Ctrl+C to stop.");
            example.run();
        }
    }
}
