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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.camelsora.SoraComponent;
import io.github.camelsora.SoraConstants;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.simulator.SoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The main job: one prompt per {@code .txt} file in a folder, one MP4 per prompt in another folder.
 * <p>
 * The provider is {@code SORA_PROVIDER} (default {@code cometapi}: CometAPI's shared {@code /v1/videos} route with
 * Veo 3.1), the model {@code SORA_MODEL} (default: the provider's, {@code veo3.1-fast} for CometAPI). With
 * {@code SORA_BASE_URL} and {@code SORA_API_KEY} set, it talks to that server; without them it starts the local
 * simulator in-process, in the provider's dialect, so it runs anywhere without an account or a network.
 */
public final class GenerateVideosExample {

    /** The outcome of one prompt file: the video file, or why there is none. */
    public record Outcome(String promptFile, String videoId, Path video, String error) {
    }

    private final Path prompts;
    private final Path output;

    public GenerateVideosExample(Path prompts, Path output) {
        this.prompts = prompts;
        this.output = output;
    }

    public static void main(String[] args) throws Exception {
        Path prompts = Path.of(args.length > 0 ? args[0] : "prompts");
        Path output = Path.of(args.length > 1 ? args[1] : "videos");
        String baseUrl = System.getenv("SORA_BASE_URL");
        String apiKey = System.getenv("SORA_API_KEY");
        String provider = System.getenv().getOrDefault("SORA_PROVIDER", "cometapi");
        String model = System.getenv().getOrDefault("SORA_MODEL", defaultModel(provider));
        List<Outcome> outcomes;
        if (baseUrl != null && apiKey != null) {
            System.out.println("Using provider " + provider + " at " + baseUrl);
            outcomes = new GenerateVideosExample(prompts, output).run(provider, model, baseUrl, apiKey,
                    Duration.ofMinutes(30), false);
        } else {
            try (SoraSimulator simulator = SoraSimulator.builder().dialect(dialect(provider))
                    .renderTime(Duration.ofSeconds(3)).start()) {
                System.out.println("SORA_BASE_URL/SORA_API_KEY not set: using the local simulator in the " + provider
                                   + " dialect at " + simulator.baseUrl());
                outcomes = new GenerateVideosExample(prompts, output)
                        .run(provider, model, simulator.baseUrl(), simulator.apiKey(), Duration.ofMinutes(5), true);
            }
        }
        printSummary(outcomes);
        System.exit(outcomes.stream().allMatch(o -> o.error() == null) ? 0 : 1);
    }

    /** The model the example renders with on a provider, unless SORA_MODEL says otherwise. */
    public static String defaultModel(String provider) {
        return switch (provider) {
            case "cometapi" -> "veo3.1-fast";
            case "openrouter" -> "google/veo-3.1";
            case "openai", "azure", "custom", "litellm" -> "sora-2";
            default -> "sim-video-1";
        };
    }

    /** The simulator dialect that speaks like a provider ({@code custom} and {@code openai}: OpenAI's). */
    public static io.github.camelsora.simulator.Dialect dialect(String provider) {
        return switch (provider) {
            case "custom", "openai" -> io.github.camelsora.simulator.Dialect.OPENAI;
            default -> io.github.camelsora.simulator.Dialect.valueOf(provider.toUpperCase(java.util.Locale.ROOT));
        };
    }

    /** Generates one video per prompt file with OpenAI's dialect and sora-2 (a server that copies OpenAI's API). */
    public List<Outcome> run(String baseUrl, String apiKey, Duration maxWait) throws Exception {
        return run("custom", "sora-2", baseUrl, apiKey, maxWait, false);
    }

    /**
     * Generates one video per prompt file present now, and returns when each has a video or an error.
     *
     * @param localResults whether result URLs the jobs name may be on a local address (the simulator's links)
     */
    public List<Outcome> run(String provider, String model, String baseUrl, String apiKey, Duration maxWait,
                             boolean localResults) throws Exception {
        List<Path> promptFiles = promptFiles();
        if (promptFiles.isEmpty()) {
            throw new IllegalStateException("No .txt prompt files in " + prompts.toAbsolutePath());
        }
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        CountDownLatch finished = new CountDownLatch(promptFiles.size());
        // sora downloads into a staging folder; the file endpoint delivers to the output folder
        Path staging = Files.createTempDirectory("camel-sora-example");
        try (CamelContext camel = new DefaultCamelContext()) {
            SoraComponent sora = new SoraComponent();
            sora.getConfiguration().setProvider(provider);
            sora.getConfiguration().setBaseUrl(baseUrl);
            sora.getConfiguration().setApiKey(apiKey);
            sora.getConfiguration().setAllowInternalProviderUrls(localResults);
            sora.getConfiguration().setOutputDirectory(staging.toString());
            sora.getConfiguration().setPollDelay(1000);
            camel.addComponent("sora", sora);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(SoraException.class).handled(true).process(exchange -> {
                        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                        record(outcomes, finished, new Outcome(promptName(exchange),
                                exchange.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class), null,
                                error.getMessage()));
                    });

                    from("file:" + prompts.toAbsolutePath() + "?noop=true&include=.*\\.txt&charset=UTF-8")
                            .routeId("prompts-to-videos")
                            .setProperty("promptFile", header(Exchange.FILE_NAME))
                            .log("Generating a video for ${header.CamelFileName}")
                            .to("sora:generate?size=1280x720&seconds=4&model=" + model)
                            .to("file:" + output.toAbsolutePath())
                            .process(exchange -> Files.deleteIfExists(exchange.getMessage().getBody(File.class).toPath()))
                            .process(exchange -> record(outcomes, finished, new Outcome(promptName(exchange),
                                    exchange.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class),
                                    output.resolve(exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class)),
                                    null)));
                }
            });
            camel.start();
            if (!finished.await(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                System.out.println("Gave up waiting after " + maxWait + "; jobs already submitted keep running");
            }
        } finally {
            try (Stream<Path> leftovers = Files.list(staging)) {
                if (leftovers.findAny().isEmpty()) {
                    Files.delete(staging);
                }
            }
        }
        return promptFiles.stream()
                .map(file -> outcomes.getOrDefault(file.getFileName().toString(),
                        new Outcome(file.getFileName().toString(), null, null, "not finished")))
                .toList();
    }

    private static void record(Map<String, Outcome> outcomes, CountDownLatch finished, Outcome outcome) {
        outcomes.put(outcome.promptFile(), outcome);
        System.out.println(outcome.error() == null
                ? "  " + outcome.promptFile() + " -> " + outcome.video().toAbsolutePath()
                : "  " + outcome.promptFile() + " FAILED: " + outcome.error());
        finished.countDown();
    }

    private static String promptName(Exchange exchange) {
        return exchange.getProperty("promptFile", String.class);
    }

    private List<Path> promptFiles() throws IOException {
        try (Stream<Path> files = Files.list(prompts)) {
            return files.filter(file -> file.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static void printSummary(List<Outcome> outcomes) {
        long ok = outcomes.stream().filter(o -> o.error() == null).count();
        System.out.println();
        System.out.println("Summary: " + ok + " of " + outcomes.size() + " videos generated");
        for (Outcome outcome : outcomes) {
            System.out.printf("  %-16s %-40s %s%n", outcome.promptFile(),
                    outcome.videoId() == null ? "-" : outcome.videoId(),
                    outcome.error() == null ? sizeOf(outcome.video().toFile()) : "FAILED: " + outcome.error());
        }
    }

    private static String sizeOf(File file) {
        return file.getAbsolutePath() + " (" + file.length() / 1024 + " KiB)";
    }
}
