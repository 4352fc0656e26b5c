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
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The endpoints that make a new job from a completed one: {@code POST /videos/{id}/remix} (same size and length, a
 * new prompt, {@code remixed_from_video_id} set), {@code POST /videos/edits} ({@code video: {id}}, a new prompt) and
 * {@code POST /videos/extensions} ({@code video: {id}}, prompt, {@code seconds}; the new job is the stitched whole, so
 * its {@code seconds} is the total). Bodies are JSON or multipart, as the API allows.
 */
final class DerivedVideoHandler implements EndpointHandler {

    /** Limits of extensions per the guide. */
    static final int MAX_EXTENSIONS = 6;
    static final int MAX_TOTAL_SECONDS = 120;

    enum Kind {
        REMIX(Set.of("prompt")),
        EDIT(Set.of("prompt", "video")),
        EXTEND(Set.of("prompt", "video", "seconds"));

        final Set<String> fields;

        Kind(Set<String> fields) {
            this.fields = fields;
        }
    }

    private record Body(String prompt, String videoId, String seconds) {
    }

    private final SimulatorState state;
    private final Kind kind;

    DerivedVideoHandler(SimulatorState state, Kind kind) {
        this.state = state;
        this.kind = kind;
    }

    @Override
    public void handle(ApiExchange exchange, String pathVideoId) throws IOException, ApiException {
        Body body = read(exchange);
        String prompt = body.prompt();
        if (prompt == null) {
            throw ApiException.invalidRequest("Missing required parameter: 'prompt'.", "prompt", "missing_required_parameter");
        }
        if (prompt.isEmpty() || prompt.length() > CreateRequestValidator.MAX_PROMPT_LENGTH) {
            throw ApiException.invalidRequest("Invalid 'prompt': expected a string of 1 to "
                    + CreateRequestValidator.MAX_PROMPT_LENGTH + " characters.", "prompt",
                    prompt.isEmpty() ? "string_below_min_length" : "string_above_max_length");
        }
        String sourceId = kind == Kind.REMIX ? pathVideoId : body.videoId();
        if (sourceId == null) {
            throw ApiException.invalidRequest("Missing required parameter: 'video'.", "video", "missing_required_parameter");
        }
        if (state.dialect == Dialect.LITELLM) {
            sourceId = OpaqueIds.decode(sourceId);
        }
        VideoJob source = state.requireJob(sourceId);
        JobSnapshot snapshot = state.snapshot(source);
        if (snapshot.status() != JobStatus.COMPLETED) {
            throw ApiException.invalidRequest("Video '" + sourceId + "' is not completed (its status is '"
                    + snapshot.status().wireName() + "'); only a completed video can be " + verb() + ".",
                    kind == Kind.REMIX ? null : "video", "video_not_ready");
        }
        int seconds = source.seconds();
        int extensions = source.extensions();
        if (kind == Kind.EXTEND) {
            seconds = source.seconds() + extensionSeconds(body.seconds());
            extensions++;
            if (extensions > MAX_EXTENSIONS) {
                throw ApiException.invalidRequest("Video '" + sourceId + "' already has " + source.extensions()
                        + " extensions; at most " + MAX_EXTENSIONS + " are allowed.", "video", "extension_limit_reached");
            }
            if (seconds > MAX_TOTAL_SECONDS) {
                throw ApiException.invalidRequest("Extending video '" + sourceId + "' by " + body.seconds()
                        + " seconds would make it " + seconds + " seconds long; at most " + MAX_TOTAL_SECONDS
                        + " seconds are allowed.", "seconds", "duration_above_max");
            }
        }
        VideoSpec spec = new VideoSpec(prompt, source.model(), source.size(), seconds);
        VideoJob job = state.createJob(spec, kind == Kind.REMIX ? source.id() : null, extensions);
        exchange.sendJson(200, state.describe(job, state.snapshot(job)));
    }

    private String verb() {
        return switch (kind) {
            case REMIX -> "remixed";
            case EDIT -> "edited";
            case EXTEND -> "extended";
        };
    }

    private static int extensionSeconds(String seconds) throws ApiException {
        if (seconds == null) {
            throw ApiException.invalidRequest("Missing required parameter: 'seconds'.", "seconds",
                    "missing_required_parameter");
        }
        if (!VideoModels.SECONDS.contains(seconds)) {
            throw ApiException.invalidValue("seconds", seconds, VideoModels.quotedList(VideoModels.SECONDS));
        }
        return Integer.parseInt(seconds);
    }

    private Body read(ApiExchange exchange) throws IOException, ApiException {
        String contentType = exchange.requestHeader("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        byte[] bytes = exchange.readBody();
        if (mediaType.equals("application/json")) {
            return json(bytes);
        }
        if (mediaType.equals("multipart/form-data")) {
            String boundary = MultipartParser.boundary(contentType);
            if (boundary == null || boundary.isEmpty()) {
                throw ApiException.invalidRequest("Invalid Content-Type: multipart/form-data without a boundary.", null,
                        "invalid_multipart");
            }
            return multipart(MultipartParser.parse(bytes, boundary));
        }
        throw ApiException.invalidRequest("Unsupported Content-Type '" + (contentType == null ? "" : contentType)
                + "': send application/json or multipart/form-data.", null, "unsupported_content_type");
    }

    private Body json(byte[] bytes) throws ApiException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw ApiException.invalidRequest("We could not parse the JSON body of your request.", null, null);
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalidRequest("The request body must be a JSON object.", null, "invalid_type");
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!kind.fields.contains(name)) {
                throw ApiException.unknownParameter(name);
            }
        }
        String videoId = null;
        JsonNode video = root.get("video");
        if (video != null && !video.isNull()) {
            if (!video.isObject()) {
                throw ApiException.invalidType("video", "an object", Json.typeName(video));
            }
            for (Iterator<String> keys = video.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!key.equals("id")) {
                    throw ApiException.unknownParameter("video." + key);
                }
            }
            videoId = string(video, "id", "video.id");
        }
        return new Body(string(root, "prompt", "prompt"), videoId, string(root, "seconds", "seconds"));
    }

    private Body multipart(List<MultipartPart> parts) throws ApiException {
        String prompt = null;
        String videoId = null;
        String seconds = null;
        for (MultipartPart part : parts) {
            String name = part.name();
            if (name.equals("video") && kind != Kind.REMIX) {
                // uploading a source video is gated by eligibility at OpenAI; the simulator plays a non-eligible account
                throw ApiException.invalidRequest("Uploading a source video is not available for this organization;"
                        + " reference a completed video with video[id] instead.", "video", "invalid_value");
            }
            String field = name.equals("video[id]") ? "video" : name;
            if (!kind.fields.contains(field)) {
                throw ApiException.unknownParameter(name);
            }
            if (part.isFile()) {
                throw ApiException.invalidType(name, "a string", "a file");
            }
            switch (field) {
                case "prompt" -> prompt = part.text();
                case "seconds" -> seconds = part.text();
                default -> videoId = part.text();
            }
        }
        return new Body(prompt, videoId, seconds);
    }

    private static String string(JsonNode object, String field, String param) throws ApiException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.invalidType(param, "a string", Json.typeName(value));
        }
        return value.asText();
    }
}
