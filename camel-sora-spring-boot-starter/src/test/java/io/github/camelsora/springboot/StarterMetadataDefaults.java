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
package io.github.camelsora.springboot;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes src/main/resources/META-INF/additional-spring-configuration-metadata.json: the default of every component
 * option from sora.json, typed as the starter's property. spring-boot-configuration-processor merges it into the
 * spring-configuration-metadata.json the IDE reads; the properties themselves stay unset, so only what an
 * application sets reaches the component. {@code StarterMetadataMatchesComponentTest} fails when the file is stale;
 * it rewrites it when run with {@code -Dsora.regenerateMetadata=true}:
 * {@code mvn -pl camel-sora-component,camel-sora-spring-boot-starter -am test -Dtest=StarterMetadataMatchesComponentTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsora.regenerateMetadata=true}, then build the starter again from
 * {@code clean} (the processor only runs when the compiler does) so that it merges the new file.
 */
public final class StarterMetadataDefaults {

    static final String SORA_JSON = "META-INF/io/github/camelsora/sora.json";
    static final String ADDITIONAL = "src/main/resources/META-INF/additional-spring-configuration-metadata.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StarterMetadataDefaults() {
    }

    /** Writes the file under {@code module} (the starter's directory). */
    static void write(Path module) throws Exception {
        Path file = module.resolve(ADDITIONAL);
        Files.createDirectories(file.getParent());
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    /** The file's content, generated from the sora.json on the class path. */
    static String render() throws Exception {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode properties = root.putArray("properties");
        for (Map.Entry<String, JsonNode> option : iterable(soraJson().path("componentProperties").fields())) {
            JsonNode defaultValue = option.getValue().get("defaultValue");
            if (defaultValue == null || option.getKey().equals("configuration")) {
                continue;
            }
            ObjectNode property = properties.addObject();
            property.put("name", "camel.component.sora." + kebab(option.getKey()));
            property.set("defaultValue", typed(propertyType(option.getKey()), defaultValue));
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    /** The default as the IDE shows it for a property of this type: 10s for a Duration, numbers and booleans as such. */
    static JsonNode typed(Class<?> type, JsonNode defaultValue) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String text = defaultValue.asText();
        if (type == Duration.class) {
            return f.textNode(duration(Long.parseLong(text)));
        } else if (type == Boolean.class || type == boolean.class) {
            return f.booleanNode(Boolean.parseBoolean(text));
        } else if (type == Integer.class) {
            return f.numberNode(Integer.parseInt(text));
        } else if (type == Long.class) {
            return f.numberNode(Long.parseLong(text));
        } else if (type == Double.class) {
            return f.numberNode(Double.parseDouble(text));
        }
        return f.textNode(text);
    }

    /** Milliseconds in the largest unit that divides them (minutes from 2m on): 1800000 is 30m, 60000 is 60s. */
    static String duration(long millis) {
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        } else if (millis > 60_000 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        } else if (millis != 0 && millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    static Class<?> propertyType(String option) throws NoSuchMethodException {
        String suffix = Character.toUpperCase(option.charAt(0)) + option.substring(1);
        for (Method m : SoraComponentConfiguration.class.getMethods()) {
            if ((m.getName().equals("get" + suffix) || m.getName().equals("is" + suffix)) && m.getParameterCount() == 0) {
                return m.getReturnType();
            }
        }
        throw new NoSuchMethodException("SoraComponentConfiguration has no property for the option " + option);
    }

    static JsonNode soraJson() throws Exception {
        try (InputStream in = StarterMetadataDefaults.class.getClassLoader().getResourceAsStream(SORA_JSON)) {
            if (in == null) {
                throw new IllegalStateException(SORA_JSON + " is not on the class path");
            }
            return JSON.readTree(in);
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
