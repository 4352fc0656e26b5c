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
package io.github.camelsora;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelsora.api.DeletedVideo;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoCharacter;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation from YAML DSL routes: one route per operation, options as parameters. */
class YamlOperationsIT extends CamelTestSupport {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ofMillis(500))
            .build();

    @TempDir
    static Path output;

    private static final List<String> OPERATIONS = List.of("generate", "create", "retrieve", "await", "download", "list",
            "delete", "remix", "edit", "extend", "createCharacter", "getCharacter", "storyboard");

    private static String routes() {
        StringBuilder yaml = new StringBuilder();
        for (String operation : OPERATIONS) {
            yaml.append("""
                    - route:
                        id: yaml-%1$s
                        from:
                          uri: direct:%1$s
                          steps:
                            - to:
                                uri: sora
                                parameters:
                                  operation: %1$s
                                  provider: custom
                                  baseUrl: "{{sim.baseUrl}}"
                                  apiKey: "{{sim.apiKey}}"
                                  size: 1280x720
                                  seconds: "4"
                                  pollDelay: 100ms
                                  maxPollDelay: 300ms
                                  outputDirectory: "{{sim.output}}"
                                  characterName: Pebble
                                  variant: thumbnail
                                  limit: 50
                                  order: asc
                    """.formatted(operation));
        }
        return yaml.toString();
    }

    private Exchange call(String operation, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request("direct:" + operation, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new HashMap<>(headers));
        });
        assertThat(exchange.getException()).as(operation).isNull();
        return exchange;
    }

    @Test
    void everyOperationRunsFromYaml() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("sim.baseUrl", SIM.baseUrl());
        properties.setProperty("sim.apiKey", SIM.apiKey());
        properties.setProperty("sim.output", output.toString());
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("ops.yaml", routes()));

        File generated = call("generate", "A pebble on a beach", Map.of()).getMessage().getBody(File.class);
        Mp4Assertions.assertPlayableMp4(generated, 1280, 720, 4);

        Video created = call("create", "A pebble rolls", Map.of()).getMessage().getBody(Video.class);
        String id = created.id();
        assertThat(call("retrieve", id, Map.of()).getMessage().getBody(Video.class).id()).isEqualTo(id);
        assertThat(call("await", id, Map.of()).getMessage().getBody(Video.class).status()).isEqualTo("completed");
        File thumbnail = call("download", id, Map.of()).getMessage().getBody(File.class);
        assertThat(thumbnail).hasExtension("webp");
        assertThat(call("list", null, Map.of()).getMessage().getBody(List.class)).isNotEmpty();

        Video remix = call("remix", "A pebble at night", Map.of(SoraConstants.VIDEO_ID, id)).getMessage().getBody(Video.class);
        assertThat(remix.remixedFromVideoId()).isEqualTo(id);
        assertThat(call("edit", "A red pebble", Map.of(SoraConstants.VIDEO_ID, id)).getMessage().getBody(Video.class)
                .prompt()).isEqualTo("A red pebble");
        assertThat(call("extend", "The pebble sinks", Map.of(SoraConstants.VIDEO_ID, id)).getMessage()
                .getBody(Video.class).seconds()).isEqualTo("8");

        VideoCharacter character = call("createCharacter", generated, Map.of()).getMessage().getBody(VideoCharacter.class);
        assertThat(character.name()).isEqualTo("Pebble");
        assertThat(call("getCharacter", character.id(), Map.of()).getMessage().getBody(VideoCharacter.class).id())
                .isEqualTo(character.id());

        String shots = "[{\"subject\":\"A pebble\",\"action\":\"skips on water\"},\"It sinks slowly\"]";
        File story = call("storyboard", shots, Map.of()).getMessage().getBody(File.class);
        Mp4Assertions.assertPlayableMp4(story, 1280, 720, 8);

        assertThat(call("delete", id, Map.of()).getMessage().getBody(DeletedVideo.class).deleted()).isTrue();
    }
}
