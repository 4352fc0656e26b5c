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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs yaml/routes.camel.yaml exactly as its README says: camel-main in its own JVM, no Java code of ours, the
 * server and key from the environment ({{env:...}}).
 */
class YamlExampleIT {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey("sk-sim-yaml-it-0042")
            .renderTime(Duration.ofSeconds(1))
            .build();

    @TempDir
    Path work;

    @Test
    void camelMainRunsTheYamlRouteWithSecretsFromTheEnvironment() throws Exception {
        Path prompts = Files.createDirectories(work.resolve("prompts"));
        Path videos = work.resolve("videos");
        Files.writeString(prompts.resolve("kite.txt"), "A red kite over green hills", StandardCharsets.UTF_8);
        Files.writeString(prompts.resolve("rain.txt"), "Rain on a tin roof, close up", StandardCharsets.UTF_8);
        Path log = work.resolve("camel-main.log");

        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.apache.camel.main.Main", "-pl", "file:application.properties")
                .directory(new File("yaml"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SORA_BASE_URL", SIM.baseUrl());
        env.put("SORA_API_KEY", SIM.apiKey());
        env.put("SORA_PROMPTS", prompts.toString());
        env.put("SORA_VIDEOS", videos.toString());
        env.put("SORA_IDLE_SECONDS", "3");
        // camel-main stops by itself once idle for SORA_IDLE_SECONDS (camel.main.durationMaxIdleSeconds)
        Process camelMain = builder.start();
        boolean exited = camelMain.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            camelMain.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(exited).as("camel-main exited; output:%n%s", output).isTrue();

        assertThat(SIM.simulator().totalCreates()).as(output).isEqualTo(2);
        List<Path> mp4s;
        try (var files = Files.list(videos)) {
            mp4s = files.filter(f -> f.toString().endsWith(".mp4")).toList();
        }
        assertThat(mp4s).hasSize(2);
        for (Path mp4 : mp4s) {
            assertThat(SIM.simulator().createdVideoIds()).contains(mp4.getFileName().toString().replace(".mp4", ""));
            VideoChecks.assertValidMp4(mp4, 1280, 720, 4);
        }
        assertThat(output).contains("yaml-prompts-to-videos").contains("estimated cost $0.4")
                .doesNotContain(SIM.apiKey());
    }
}
