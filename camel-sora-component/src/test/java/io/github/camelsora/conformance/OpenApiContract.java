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
package io.github.camelsora.conformance;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.camelsora.simulator.RecordedExchange;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks recorded HTTP exchanges against the official OpenAPI description of /videos (a verbatim copy in
 * src/test/resources/openapi): the path and method must be an operation of it; the request's content type one it
 * declares, its body valid against that content type's schema (multipart bodies are read into the equivalent JSON
 * object, file parts as binary strings, {@code a[b]} / {@code a[0][b]} fields as nested objects and arrays), query
 * parameters valid against their schemas; a 2xx response's content type declared and a JSON body valid against the
 * response schema. Validation is done by networknt json-schema-validator 2.x, the Jackson 2 line (JSON Schema 2020-12, as OpenAPI 3.1 uses).
 * <p>
 * Known deviations, where the guide is newer than the description, are allowed and reported: see
 * {@link #KNOWN_DEVIATIONS} and docs/conformance.md.
 */
public final class OpenApiContract {

    /** Values the guide documents and the description's enums lack: they may fail an enum check, nothing else. */
    public static final Map<String, Set<String>> KNOWN_DEVIATIONS = Map.of(
            "/seconds", Set.of("16", "20"),
            "/size", Set.of("1920x1080", "1080x1920"));
    /** Content types the real API sends that the description does not list (the spritesheet is a JPEG). */
    public static final Set<String> KNOWN_EXTRA_CONTENT_TYPES = Set.of("image/jpeg");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PART_NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

    private final String documentUri;
    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final List<String> deviations = new ArrayList<>();

    public OpenApiContract() {
        try {
            URI uri = OpenApiContract.class.getResource("/openapi/videos-openapi.yaml").toURI();
            this.documentUri = "classpath:openapi/videos-openapi.yaml";
            String yaml = Files.readString(Path.of(uri));
            this.document = new YAMLMapper().readTree(yaml);
        } catch (URISyntaxException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What was matched: the operation id and the encoding of the request body (null without a body). */
    public record Checked(String operationId, String encoding) {
    }

    /** Deviations seen so far (allowed), for the test report. */
    public List<String> deviations() {
        return List.copyOf(deviations);
    }

    /**
     * Checks one exchange.
     *
     * @param pathPrefix the part of the path before the description's paths, e.g. {@code /v1}
     * @return the operation and encoding, for coverage
     * @throws AssertionError listing every violation
     */
    public Checked check(RecordedExchange exchange, String pathPrefix) {
        List<String> problems = new ArrayList<>();
        String path = exchange.path().substring(pathPrefix.length());
        String template = template(path);
        if (template == null) {
            throw new AssertionError(exchange + ": no path of the description matches " + path);
        }
        String method = exchange.method().toLowerCase(Locale.ROOT);
        JsonNode operation = document.path("paths").path(template).path(method);
        String pointer = "#/paths/" + escape(template) + "/" + method;
        if (operation.isMissingNode()) {
            throw new AssertionError(exchange + ": the description has no " + method + " " + template);
        }
        checkQuery(exchange, operation, pointer, problems);
        String encoding = checkRequestBody(exchange, operation, pointer, problems);
        checkResponse(exchange, operation, pointer, problems);
        if (!problems.isEmpty()) {
            throw new AssertionError(exchange + " violates the description:\n  " + String.join("\n  ", problems));
        }
        return new Checked(operation.path("operationId").asText(), encoding);
    }

    private String template(String path) {
        String[] segments = path.split("/", -1);
        Iterator<String> templates = document.path("paths").fieldNames();
        String best = null;
        while (templates.hasNext()) {
            String candidate = templates.next();
            String[] parts = candidate.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            boolean literal = true;
            boolean match = true;
            for (int i = 0; i < parts.length && match; i++) {
                if (parts[i].startsWith("{")) {
                    literal = false;
                } else {
                    match = parts[i].equals(segments[i]);
                }
            }
            // a literal path (/videos/edits) wins over a templated one (/videos/{video_id})
            if (match && (best == null || literal)) {
                best = candidate;
            }
        }
        return best;
    }

    private void checkQuery(RecordedExchange exchange, JsonNode operation, String pointer, List<String> problems) {
        if (exchange.query() == null || exchange.query().isEmpty()) {
            return;
        }
        JsonNode parameters = operation.path("parameters");
        for (String pair : exchange.query().split("&")) {
            String name = URLDecoder.decode(pair.substring(0, pair.indexOf('=') < 0 ? pair.length() : pair.indexOf('=')),
                    StandardCharsets.UTF_8);
            String value = pair.contains("=") ? URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8) : "";
            int index = -1;
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i).path("name").asText().equals(name) && parameters.get(i).path("in").asText().equals("query")) {
                    index = i;
                }
            }
            if (index < 0) {
                problems.add("query parameter '" + name + "' is not declared");
                continue;
            }
            JsonNode schema = parameters.get(index).path("schema");
            String json = "integer".equals(schema.path("type").asText()) && value.matches("-?[0-9]+")
                    ? value : JSON.getNodeFactory().textNode(value).toString();
            validate(pointer + "/parameters/" + index + "/schema", json, "query '" + name + "'", problems);
        }
    }

    private String checkRequestBody(RecordedExchange exchange, JsonNode operation, String pointer, List<String> problems) {
        String contentType = exchange.requestContentType();
        if (exchange.requestBody().length == 0) {
            if (operation.path("requestBody").path("required").asBoolean(false)) {
                problems.add("the request body is required");
            }
            return null;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode content = operation.path("requestBody").path("content");
        if (!content.has(mediaType)) {
            problems.add("request content type '" + mediaType + "' is not one of " + iterate(content.fieldNames()));
            return mediaType;
        }
        String json;
        if (mediaType.equals("multipart/form-data")) {
            json = multipartAsJson(exchange.requestBody(), contentType).toString();
        } else {
            json = exchange.requestBodyText();
        }
        validate(pointer + "/requestBody/content/" + escape(mediaType) + "/schema", json, "request body", problems);
        return mediaType;
    }

    private void checkResponse(RecordedExchange exchange, JsonNode operation, String pointer, List<String> problems) {
        if (exchange.status() < 200 || exchange.status() >= 300) {
            problems.add("the answer was HTTP " + exchange.status() + ": " + exchange.responseBodyText());
            return;
        }
        JsonNode content = operation.path("responses").path(Integer.toString(exchange.status())).path("content");
        String mediaType = exchange.responseContentType() == null ? ""
                : exchange.responseContentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            if (KNOWN_EXTRA_CONTENT_TYPES.contains(mediaType)) {
                deviations.add(exchange + ": response content type " + mediaType + " (known deviation)");
                return;
            }
            problems.add("response content type '" + mediaType + "' is not one of " + iterate(content.fieldNames()));
            return;
        }
        if (mediaType.equals("application/json") && exchange.responseBody() != null) {
            validate(pointer + "/responses/" + exchange.status() + "/content/application~1json/schema",
                    exchange.responseBodyText(), "response body", problems);
        }
    }

    private void validate(String schemaPointer, String json, String what, List<String> problems) {
        Schema schema = registry.getSchema(SchemaLocation.of(documentUri + schemaPointer));
        for (Error error : schema.validate(json, InputFormat.JSON)) {
            String location = error.getInstanceLocation().toString().replaceFirst("^\\$", "").replace('.', '/');
            String value = error.getInstanceNode() == null ? null : error.getInstanceNode().asText();
            Set<String> allowed = KNOWN_DEVIATIONS.get(location.replaceAll("^/data/[0-9]+", ""));
            if ("enum".equals(error.getKeyword()) && allowed != null && allowed.contains(value)) {
                deviations.add(what + " " + location + "=" + value + " (known deviation)");
            } else if (isEnumBranchOfAnyOf(error, allowed, value)) {
                deviations.add(what + " " + location + "=" + value + " (known deviation)");
            } else {
                problems.add(what + ": " + error);
            }
        }
    }

    /** Errors reported through anyOf/oneOf wrappers of an enum with a known deviating value. */
    private static boolean isEnumBranchOfAnyOf(Error error, Set<String> allowed, String value) {
        return allowed != null && allowed.contains(value) && error.getEvaluationPath().toString().contains("enum");
    }

    /** The JSON object a multipart body stands for. */
    static ObjectNode multipartAsJson(byte[] body, String contentType) {
        String boundary = null;
        for (String param : contentType.split(";")) {
            if (param.trim().startsWith("boundary=")) {
                boundary = param.trim().substring("boundary=".length()).replace("\"", "");
            }
        }
        if (boundary == null) {
            throw new AssertionError("multipart without a boundary: " + contentType);
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        ObjectNode root = JSON.createObjectNode();
        for (String chunk : text.split("--" + Pattern.quote(boundary))) {
            int headerEnd = chunk.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = chunk.substring(0, headerEnd);
            String content = chunk.substring(headerEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            Matcher name = PART_NAME.matcher(headers);
            if (!name.find()) {
                throw new AssertionError("a multipart part without a name: " + headers);
            }
            boolean file = FILE_NAME.matcher(headers).find();
            if (file && !headers.toLowerCase(Locale.ROOT).contains("content-type:")) {
                throw new AssertionError("a file part without a Content-Type: " + headers);
            }
            String value = file ? "<binary " + content.length() + " bytes>"
                    : new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            put(root, name.group(1), value);
        }
        return root;
    }

    /** {@code a}, {@code a[b]}, {@code a[0][b]} into nested objects and arrays. */
    private static void put(ObjectNode root, String name, String value) {
        List<String> keys = new ArrayList<>();
        int bracket = name.indexOf('[');
        keys.add(bracket < 0 ? name : name.substring(0, bracket));
        Matcher m = Pattern.compile("\\[([^\\]]*)]").matcher(name);
        while (m.find()) {
            keys.add(m.group(1));
        }
        JsonNode node = root;
        for (int i = 0; i < keys.size() - 1; i++) {
            boolean nextIsIndex = keys.get(i + 1).matches("[0-9]+");
            node = child(node, keys.get(i), nextIsIndex);
        }
        String last = keys.get(keys.size() - 1);
        if (node instanceof ObjectNode object) {
            object.put(last, value);
        } else {
            ((ArrayNode) node).add(value);
        }
    }

    private static JsonNode child(JsonNode parent, String key, boolean array) {
        if (parent instanceof ObjectNode object) {
            JsonNode existing = object.get(key);
            if (existing != null) {
                return existing;
            }
            return array ? object.putArray(key) : object.putObject(key);
        }
        ArrayNode list = (ArrayNode) parent;
        int index = Integer.parseInt(key);
        while (list.size() <= index) {
            list.add(array ? JSON.createArrayNode() : JSON.createObjectNode());
        }
        return list.get(index);
    }

    private static String escape(String pointerPart) {
        return pointerPart.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> iterate(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
