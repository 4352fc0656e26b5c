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
package io.github.camelsora.docs;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserGuideTablesTest {

    private static final Path GUIDE = Path.of("../docs/user-guide.md");

    @Test
    void theUserGuideTablesMatchSoraJson() throws Exception {
        JsonNode catalog = catalog();
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        assertThat(UserGuideTables.render(catalog, guide))
                .as("docs/user-guide.md disagrees with sora.json: run `mvn -pl camel-sora-component -am"
                    + " process-test-classes` (the build rewrites the tables) and commit the guide")
                .isEqualTo(guide);
    }

    @Test
    void everyOptionAndHeaderOfSoraJsonIsInTheGuide() throws Exception {
        JsonNode catalog = catalog();
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        catalog.path("componentProperties").fieldNames()
                .forEachRemaining(name -> assertThat(guide).contains("| `" + name + "`"));
        catalog.path("properties").fieldNames()
                .forEachRemaining(name -> assertThat(guide).contains("| `" + name + "`"));
        catalog.path("headers").fieldNames()
                .forEachRemaining(name -> assertThat(guide).contains("| `" + name + "` |"));
    }

    @Test
    void onlyTheMarkedSectionsChange() throws Exception {
        String guide = "# Title\nintro\n<!-- BEGIN GENERATED: headers -->\nstale\n<!-- END GENERATED: headers -->\nend\n";
        String rendered = UserGuideTables.render(catalog(), guide);
        assertThat(rendered).startsWith("# Title\nintro\n<!-- BEGIN GENERATED: headers -->\n| header |")
                .endsWith("<!-- END GENERATED: headers -->\nend\n")
                .contains("| `CamelSoraVideoId` | `String` |")
                .doesNotContain("stale");
        assertThatThrownBy(() -> UserGuideTables.render(catalog(),
                "<!-- BEGIN GENERATED: nope -->\n<!-- END GENERATED: nope -->"))
                .hasMessageContaining("nope");
        assertThat(UserGuideTables.duration(1_800_000)).isEqualTo("30m");
        assertThat(UserGuideTables.duration(500)).isEqualTo("500ms");
        assertThat(UserGuideTables.cell("use {code {{env:KEY}}} | not {code x}")).isEqualTo("use `{{env:KEY}}` \\| not `x`");
    }

    private static JsonNode catalog() throws Exception {
        try (InputStream in = UserGuideTablesTest.class.getClassLoader()
                .getResourceAsStream("META-INF/io/github/camelsora/sora.json")) {
            assertThat(in).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
