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
import java.util.stream.Stream;

import io.github.camelsora.SoraConstants;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kamelets of the repository's kamelets/ folder, loaded from there as files (camel.component.kamelet.location)
 * by camel-main with camel-kamelet and camel-yaml-dsl, used by YAML routes against the simulator:
 * sora-generate-action turns a prompt into an MP4, sora-videos-source then emits that finished job's video.
 */
class KameletsIT {

    private static final Path KAMELETS = Path.of("../kamelets").toAbsolutePath().normalize();

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey("sk-sim-kamelets-it")
            .renderTime(Duration.ofSeconds(1))
            .build();

    @TempDir
    Path work;

    @Test
    void theActionGeneratesAnMp4AndTheSourceDeliversTheFinishedJob() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.component.kamelet.location", "file:" + KAMELETS);
        main.addInitialProperty("camel.main.routesIncludePattern", "classpath:kamelets-it/routes.camel.yaml");
        main.addInitialProperty("sim.baseUrl", SIM.baseUrl());
        main.addInitialProperty("sim.apiKey", SIM.apiKey());
        main.addInitialProperty("sim.output", work.toString());
        main.start();
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            Exchange result = template.request("direct:prompt",
                    e -> e.getMessage().setBody("A lighthouse in a storm, waves breaking"));

            assertThat(result.getException()).isNull();
            File video = result.getMessage().getBody(File.class);
            String videoId = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
            assertThat(video.toPath()).isEqualTo(work.resolve("generated").resolve(videoId + ".mp4"));
            VideoChecks.assertValidMp4(video.toPath(), 1280, 720, 4);
            assertThat(SIM.simulator().totalCreates()).isEqualTo(1);

            Path delivered = work.resolve("delivered").resolve(videoId + ".mp4");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(delivered));
            VideoChecks.assertValidMp4(delivered, 1280, 720, 4);
            assertThat(SIM.simulator().totalCreates()).as("the source lists, it creates nothing").isEqualTo(1);
        } finally {
            main.stop();
        }
    }

    @Test
    void theKameletsFollowTheCatalogConventionsAndNameThisVersion() throws Exception {
        String version = new String(KameletsIT.class.getResourceAsStream("/META-INF/io/github/camelsora/sora.json")
                .readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s).*?\"version\": \"([^\"]+)\".*", "$1");
        List<Path> kamelets;
        try (Stream<Path> files = Files.list(KAMELETS)) {
            kamelets = files.filter(f -> f.toString().endsWith(".kamelet.yaml")).sorted().toList();
        }
        assertThat(kamelets).extracting(p -> p.getFileName().toString())
                .containsExactly("sora-generate-action.kamelet.yaml", "sora-videos-source.kamelet.yaml");
        for (Path kamelet : kamelets) {
            String yaml = Files.readString(kamelet, StandardCharsets.UTF_8);
            String name = kamelet.getFileName().toString().replace(".kamelet.yaml", "");
            String type = name.substring(name.lastIndexOf('-') + 1);
            assertThat(yaml).contains("apiVersion: camel.apache.org/v1\n", "kind: Kamelet\n", "  name: " + name + "\n",
                    "camel.apache.org/kamelet.type: \"" + type + "\"", "camel.apache.org/kamelet.support.level:",
                    "camel.apache.org/kamelet.icon: \"data:image/svg+xml;base64,", "camel.apache.org/provider:",
                    "\"mvn:io.github.camelsora:camel-sora:" + version + "\"",
                    "camel.apache.org/catalog.version: \"" + version + "\"",
                    // the key is a password field, in the credentials group
                    "      apiKey:\n        title: API Key\n", "        format: password\n",
                    "        - urn:alm:descriptor:com.tectonic.ui:password\n", "        - urn:camel:group:credentials\n");
        }
    }
}
