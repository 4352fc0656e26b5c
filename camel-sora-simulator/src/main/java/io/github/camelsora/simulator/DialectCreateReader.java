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
package io.github.camelsora.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a create request in the dialects that serve any model (all but OpenAI, Azure and LiteLLM, which
 * keep OpenAI's tables): the encoding each server accepts, its name and JSON type for the duration, and its way of
 * naming the size. What a dialect refuses is what its server documents (see {@link Dialect}); a value of the wrong
 * JSON type is a 400 naming the field, so a client that shapes a request wrongly learns it here.
 */
final class DialectCreateReader {

    /** OpenRouter's documented request fields (openrouter.ai/docs/api/api-reference/video-generation/create-videos). */
    private static final Set<String> OPENROUTER_FIELDS = Set.of("model", "prompt", "duration", "resolution",
            "aspect_ratio", "size", "seed", "generate_audio", "frame_images", "input_references", "provider",
            "callback_url");

    private DialectCreateReader() {
    }

    static VideoSpec read(Dialect dialect, String contentType, byte[] body) throws ApiException {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        boolean json = mediaType.equals("application/json");
        boolean image = false;
        int images = 0;
        if (json) {
            if (dialect == Dialect.COMETAPI || dialect == Dialect.VLLM) {
                throw new ApiException(415, ApiException.INVALID_REQUEST, "This server accepts multipart/form-data"
                        + " only: send the fields as form fields and images as input_reference file parts.", null,
                        "unsupported_content_type", null);
            }
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw ApiException.invalidRequest("The body is not valid JSON.", null, null);
            }
            if (root == null || !root.isObject()) {
                throw ApiException.invalidRequest("The request body must be a JSON object.", null, "invalid_type");
            }
            root.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        } else if (mediaType.equals("multipart/form-data")) {
            String boundary = MultipartParser.boundary(contentType);
            if (boundary == null || boundary.isEmpty()) {
                throw ApiException.invalidRequest("multipart/form-data without a boundary.", null, "invalid_multipart");
            }
            for (MultipartPart part : MultipartParser.parse(body, boundary)) {
                if (part.isFile()) {
                    image |= part.name().equals("input_reference");
                    images += part.name().equals("input_reference") ? 1 : 0;
                } else {
                    fields.put(part.name(), TextNode.valueOf(part.text()));
                }
            }
            if (dialect == Dialect.SGLANG && !image) {
                // video_api.py: a multipart create is an image-to-video request
                throw ApiException.invalidRequest("input_reference file is required", null, null);
            }
        } else {
            throw ApiException.invalidRequest("Unsupported Content-Type '" + contentType + "'.", null,
                    "unsupported_content_type");
        }
        if (dialect == Dialect.COMETAPI && images > 2) {
            // one file for image-to-video, two ordered files for the first and the last frame
            throw ApiException.invalidRequest("At most two input_reference files (first and last frame).",
                    "input_reference", "invalid_value");
        }
        if (dialect == Dialect.OPENROUTER) {
            for (String name : fields.keySet()) {
                if (!OPENROUTER_FIELDS.contains(name)) {
                    throw ApiException.unknownParameter(name);
                }
            }
            checkFrameImages(fields.get("frame_images"));
            checkReferences(fields.get("input_references"));
        }
        String prompt = text(fields, "prompt");
        if (prompt == null || prompt.isEmpty()) {
            throw ApiException.invalidRequest("Missing required parameter: 'prompt'.", "prompt",
                    "missing_required_parameter");
        }
        String model = text(fields, "model");
        int seconds = seconds(dialect, fields, json);
        String sizeLabel = dialect == Dialect.OPENROUTER ? null : text(fields, "size");
        FrameSize frame = frame(dialect, fields, sizeLabel);
        return new VideoSpec(prompt, model == null ? "sim-video-1" : model, frame, seconds,
                sizeLabel == null ? frame.toString() : sizeLabel);
    }

    /** {@code frame_images}: entries {@code {type: image_url, image_url: {url}, frame_type: first_frame|last_frame}}. */
    private static void checkFrameImages(JsonNode frames) throws ApiException {
        if (frames == null || frames.isNull()) {
            return;
        }
        if (!frames.isArray() || frames.size() > 2) {
            throw ApiException.invalidRequest("frame_images must be an array of at most two frames.", "frame_images",
                    "invalid_value");
        }
        for (JsonNode frame : frames) {
            String url = frame.path("image_url").path("url").asText("");
            String type = frame.path("frame_type").asText("");
            if (!"image_url".equals(frame.path("type").asText()) || !(url.startsWith("https://")
                    || url.startsWith("http://") || url.startsWith("data:image/"))
                || !(type.equals("first_frame") || type.equals("last_frame"))) {
                throw ApiException.invalidRequest("Each frame_images entry needs type image_url, image_url.url and"
                        + " frame_type first_frame or last_frame.", "frame_images", "invalid_value");
            }
        }
    }

    /** {@code input_references}: entries {@code {type: image_url, image_url: {url}}}. */
    private static void checkReferences(JsonNode references) throws ApiException {
        if (references == null || references.isNull()) {
            return;
        }
        if (!references.isArray()) {
            throw ApiException.invalidType("input_references", "an array", Json.typeName(references));
        }
        for (JsonNode reference : references) {
            String url = reference.path("image_url").path("url").asText("");
            if (!"image_url".equals(reference.path("type").asText()) || !(url.startsWith("https://")
                    || url.startsWith("http://") || url.startsWith("data:image/"))) {
                throw ApiException.invalidRequest("Each input_references entry needs type image_url and"
                        + " image_url.url.", "input_references", "invalid_value");
            }
        }
    }

    private static int seconds(Dialect dialect, Map<String, JsonNode> fields, boolean json) throws ApiException {
        String name = dialect == Dialect.OPENROUTER ? "duration" : "seconds";
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return 4;
        }
        if (json && (dialect == Dialect.MERGE || dialect == Dialect.OPENROUTER) && !value.isNumber()) {
            throw ApiException.invalidType(name, "a number", Json.typeName(value));
        }
        if (json && (dialect == Dialect.NEWAPI || dialect == Dialect.BIFROST || dialect == Dialect.INWORLD)
            && !value.isTextual()) {
            throw ApiException.invalidType(name, "a string", Json.typeName(value));
        }
        String text = value.asText().strip();
        if (!text.matches("[1-9][0-9]?")) {
            throw ApiException.invalidRequest("Invalid '" + name + "': '" + text + "' is not a whole number of"
                    + " seconds.", name, "invalid_value");
        }
        int seconds = Integer.parseInt(text);
        if (seconds > 20) {
            throw ApiException.invalidRequest("Invalid '" + name + "': at most 20 seconds.", name, "invalid_value");
        }
        return seconds;
    }

    private static FrameSize frame(Dialect dialect, Map<String, JsonNode> fields, String size) throws ApiException {
        FrameSize frame;
        if (dialect == Dialect.OPENROUTER) {
            String resolution = text(fields, "resolution");
            String aspect = text(fields, "aspect_ratio");
            String wxh = text(fields, "size");
            frame = wxh != null ? FrameSize.parse(wxh) : fromResolution(resolution == null ? "720p" : resolution,
                    aspect == null ? "16:9" : aspect);
        } else if (size == null) {
            frame = new FrameSize(1280, 720);
        } else if (dialect == Dialect.COMETAPI && size.matches("[0-9]{1,2}x[0-9]{1,2}")) {
            frame = switch (size) {
                case "16x9" -> new FrameSize(1280, 720);
                case "9x16" -> new FrameSize(720, 1280);
                case "1x1" -> new FrameSize(720, 720);
                default -> throw ApiException.invalidValue("size", size, "'16x9', '9x16' and '1x1'");
            };
        } else if (size.toLowerCase(Locale.ROOT).endsWith("p")) {
            frame = fromResolution(size, "16:9");
        } else {
            frame = FrameSize.parse(size);
        }
        if (dialect == Dialect.VLLM && fields.containsKey("width") && fields.containsKey("height")) {
            frame = FrameSize.parse(fields.get("width").asText() + "x" + fields.get("height").asText());
        }
        if (frame == null || frame.width() < 64 || frame.height() < 64 || frame.width() > 3840
            || frame.height() > 3840 || frame.width() % 2 != 0 || frame.height() % 2 != 0) {
            throw ApiException.invalidRequest("Invalid size: expected WIDTHxHEIGHT (even, 64..3840)"
                    + (dialect == Dialect.MERGE ? " or a label such as 768P" : "")
                    + (dialect == Dialect.OPENROUTER ? " or a resolution and an aspect_ratio" : "") + ".",
                    dialect == Dialect.OPENROUTER ? "resolution" : "size", "invalid_value");
        }
        return frame;
    }

    /** {@code 720p} and {@code 16:9} to a frame; labels as MiniMax names them ({@code 768P}). */
    static FrameSize fromResolution(String resolution, String aspect) throws ApiException {
        String label = resolution.strip().toLowerCase(Locale.ROOT);
        int shorter = switch (label) {
            case "480p" -> 480;
            case "720p" -> 720;
            case "768p" -> 768;
            case "1080p" -> 1080;
            default -> throw ApiException.invalidValue("resolution", resolution, "'480p', '720p', '768p' and '1080p'");
        };
        if (!aspect.strip().matches("[1-9][0-9]?[:x][1-9][0-9]?")) {
            throw ApiException.invalidValue("aspect_ratio", aspect, "'16:9', '9:16' and '1:1'");
        }
        String[] ratio = aspect.strip().split("[:x]");
        int w = Integer.parseInt(ratio[0]);
        int h = Integer.parseInt(ratio[1]);
        int longer = (int) Math.round(shorter * (double) Math.max(w, h) / Math.min(w, h));
        longer += longer % 2;
        return w >= h ? new FrameSize(longer, shorter) : new FrameSize(shorter, longer);
    }

    private static String text(Map<String, JsonNode> fields, String name) throws ApiException {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.invalidType(name, "a string", Json.typeName(value));
        }
        return value.asText();
    }
}
