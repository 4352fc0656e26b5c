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
package io.github.camelsora.tooling;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The descriptions in sora.json are what IDEs, {@code camel doc}, the catalog and the user guide show: plain text.
 * Javadoc markup on a setter ({@code {@code x}}, {@code {@link X}}, HTML tags, entities, block tags) reaches them
 * half-converted ({@code {code x}}), so the build fails on it here; write plain text in the setter's Javadoc.
 */
class SoraJsonDescriptionsTest {

    /** Inline tags with or without the at sign (the Camel plugin drops it), HTML tags and entities, block tags. */
    static final Pattern JAVADOC_MARKUP = Pattern.compile(
            "\\{@?(code|link|linkplain|literal|value|inheritDoc|docRoot|index|summary)[\\s}]"
                                                          + "|</?[a-zA-Z][a-zA-Z0-9]*(\\s[^>]*)?/?>"
                                                          + "|&(lt|gt|amp|quot|nbsp|#\\d+);"
                                                          + "|(^|\\s)@(param|return|see|since|throws|deprecated)\\b");

    @Test
    void noDescriptionInSoraJsonShowsJavadocMarkup() throws Exception {
        JsonNode json = soraJson();
        List<String> offenders = new ArrayList<>();
        check("component", json.path("component").path("description").asText(), offenders);
        for (String section : List.of("componentProperties", "properties", "headers", "apis")) {
            for (Map.Entry<String, JsonNode> option : json.path(section).properties()) {
                check(section + "." + option.getKey(), option.getValue().path("description").asText(""), offenders);
            }
        }
        assertThat(offenders)
                .as("descriptions with Javadoc markup: fix the Javadoc of these setters (plain text) and rebuild")
                .isEmpty();
        assertThat(json.path("properties").size()).as("options checked").isGreaterThan(50);
    }

    @Test
    void theCheckCatchesWhatJavadocLeavesBehindAndLetsPlaceholdersThrough() {
        assertThat(List.of("e.g. {code sora-2}", "see {@link SoraComponent}", "{@code x}", "first.<p>Second",
                "a <b>bold</b> claim", "x &lt; y", "value {@value #MAX}", "{linkplain Foo bar}", "end @since 1.0"))
                .allSatisfy(text -> assertThat(JAVADOC_MARKUP.matcher(text).find()).as(text).isTrue());
        assertThat(List.of("{{env:SORA_API_KEY}}", "${header.orderId}", "GET /videos/{id}", "a < b > c",
                "whsec_ followed by base64", "videoId.mp4", "e.g. sora-2 or sora-2-pro"))
                .allSatisfy(text -> assertThat(JAVADOC_MARKUP.matcher(text).find()).as(text).isFalse());
    }

    private static void check(String where, String description, List<String> offenders) {
        if (JAVADOC_MARKUP.matcher(description).find()) {
            offenders.add(where + ": " + description);
        }
    }

    static JsonNode soraJson() throws Exception {
        try (InputStream in = SoraJsonDescriptionsTest.class.getClassLoader()
                .getResourceAsStream("META-INF/io/github/camelsora/sora.json")) {
            assertThat(in).as("sora.json on the test classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
