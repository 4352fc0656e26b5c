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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the operations, options and headers tables of docs/user-guide.md from the component's sora.json (which the
 * Camel build generates from the code). Each table sits between {@code <!-- BEGIN GENERATED: name -->} and
 * {@code <!-- END GENERATED: name -->}; everything else in the guide is left as written.
 * <p>
 * The build runs it (exec-maven-plugin, phase process-test-classes, in camel-sora-component) and
 * {@code UserGuideTablesTest} fails when the guide and sora.json disagree.
 */
public final class UserGuideTables {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECTION = Pattern.compile(
            "(<!-- BEGIN GENERATED: ([a-z-]+) -->\\n)(.*?)(<!-- END GENERATED: \\2 -->)", Pattern.DOTALL);

    private UserGuideTables() {
    }

    /** {@code args}: the path of sora.json, the path of the user guide to rewrite. */
    public static void main(String[] args) throws IOException {
        Path catalog = Path.of(args[0]);
        Path guide = Path.of(args[1]);
        String before = Files.readString(guide, StandardCharsets.UTF_8);
        String after = render(JSON.readTree(catalog.toFile()), before);
        if (!after.equals(before)) {
            Files.writeString(guide, after, StandardCharsets.UTF_8);
            System.out.println("Updated the generated tables of " + guide);
        }
    }

    /** The guide with every generated section replaced by its table from {@code catalog}. */
    public static String render(JsonNode catalog, String guide) {
        Map<String, String> tables = tables(catalog);
        Matcher matcher = SECTION.matcher(guide);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String table = tables.get(matcher.group(2));
            if (table == null) {
                throw new IllegalArgumentException("Unknown generated section '" + matcher.group(2) + "'; known: "
                                                   + tables.keySet());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + table + matcher.group(4)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static Map<String, String> tables(JsonNode catalog) {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("operations", operations(catalog.path("properties").path("operation")));
        tables.put("component-options", options(catalog.path("componentProperties")));
        tables.put("endpoint-options", options(catalog.path("properties")));
        tables.put("headers", headers(catalog.path("headers")));
        return tables;
    }

    private static String operations(JsonNode operation) {
        StringBuilder table = new StringBuilder("| operation |\n|---|\n");
        operation.path("enum").forEach(name -> table.append("| `").append(name.asText()).append("`")
                .append(name.asText().equals(operation.path("defaultValue").asText()) ? " (default)" : "")
                .append(" |\n"));
        return table.toString();
    }

    private static String options(JsonNode properties) {
        StringBuilder table = new StringBuilder("| option | group | type | default | description |\n"
                                                + "|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> option : sortedByIndex(properties)) {
            JsonNode o = option.getValue();
            String name = "`" + option.getKey() + "`" + ("path".equals(o.path("kind").asText()) ? " (path)" : "")
                          + (o.path("secret").asBoolean() ? " (secret)" : "")
                          + (o.path("required").asBoolean() ? " (required)" : "");
            table.append("| ").append(name)
                    .append(" | ").append(o.path("group").asText())
                    .append(" | ").append(type(o))
                    .append(" | ").append(defaultValue(o))
                    .append(" | ").append(cell(o.path("description").asText()))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String headers(JsonNode headers) {
        StringBuilder table = new StringBuilder("| header | type | description |\n|---|---|---|\n");
        for (Map.Entry<String, JsonNode> header : sortedByIndex(headers)) {
            table.append("| `").append(header.getKey()).append("` | `")
                    .append(simpleName(header.getValue().path("javaType").asText())).append("` | ")
                    .append(cell(header.getValue().path("description").asText())).append(" |\n");
        }
        return table.toString();
    }

    private static List<Map.Entry<String, JsonNode>> sortedByIndex(JsonNode object) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        object.fields().forEachRemaining(entries::add);
        entries.sort((a, b) -> Integer.compare(a.getValue().path("index").asInt(), b.getValue().path("index").asInt()));
        return entries;
    }

    private static String type(JsonNode option) {
        String type = option.path("type").asText();
        if ("object".equals(type)) {
            return "`" + simpleName(option.path("javaType").asText()) + "`";
        }
        return type;
    }

    private static String defaultValue(JsonNode option) {
        if (!option.has("defaultValue")) {
            return "";
        }
        String value = option.path("defaultValue").asText();
        if ("duration".equals(option.path("type").asText()) && value.matches("\\d+")) {
            value = duration(Long.parseLong(value));
        }
        return "`" + value + "`";
    }

    /** Milliseconds the way the options accept them: 5s, 30m, 500ms. */
    static String duration(long millis) {
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0 && millis > 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    private static String simpleName(String javaType) {
        int generic = javaType.indexOf('<');
        if (generic > 0) {
            // java.util.Map<java.lang.String, java.lang.Object> -> Map<String, Object>
            String[] arguments = javaType.substring(generic + 1, javaType.lastIndexOf('>')).split(",");
            StringBuilder name = new StringBuilder(simpleName(javaType.substring(0, generic))).append('<');
            for (int i = 0; i < arguments.length; i++) {
                name.append(i == 0 ? "" : ", ").append(simpleName(arguments[i].strip()));
            }
            return name.append('>').toString();
        }
        return javaType.substring(javaType.lastIndexOf('.') + 1);
    }

    /** Javadoc's {code x} (as the Camel build writes it) in backticks, and nothing that breaks a table row. */
    static String cell(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("{code ", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int depth = 1;
            int end = start + "{code ".length();
            while (end < text.length() && depth > 0) {
                char c = text.charAt(end);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                end++;
            }
            out.append('`').append(text, start + "{code ".length(), end - 1).append('`');
            i = end;
        }
        return out.toString().replace("|", "\\|").replace("\n", " ").strip();
    }
}
