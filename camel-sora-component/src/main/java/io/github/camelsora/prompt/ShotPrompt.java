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
package io.github.camelsora.prompt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Renders a {@link Shot} into prompt text with one fixed template, so equal shots always give equal prompts:
 *
 * <pre>
 * {subject}, {action}.
 * Camera: {camera}.
 * Lighting: {lighting}.
 * Palette: {palette}.
 * Style: {style}.
 * Dialogue: "{dialogue}"
 * Sound: {sound}.
 * Constraints: {constraint 1}; {constraint 2}.
 * </pre>
 *
 * Lines of empty fields are left out; a trailing period already in a value is not doubled. Also reads shots from a
 * {@link Map}, JSON text or a list of either (storyboards).
 */
public final class ShotPrompt {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ShotPrompt() {
    }

    public static String render(Shot shot) {
        List<String> lines = new ArrayList<>();
        String scene = join(shot.getSubject(), shot.getAction());
        if (!scene.isEmpty()) {
            lines.add(sentence(scene));
        }
        line(lines, "Camera", shot.getCamera());
        line(lines, "Lighting", shot.getLighting());
        line(lines, "Palette", shot.getPalette());
        line(lines, "Style", shot.getStyle());
        if (present(shot.getDialogue())) {
            lines.add("Dialogue: \"" + shot.getDialogue().strip() + "\"");
        }
        line(lines, "Sound", shot.getSound());
        List<String> constraints = shot.getConstraints().stream().filter(ShotPrompt::present).map(String::strip).toList();
        if (!constraints.isEmpty()) {
            lines.add(sentence("Constraints: " + String.join("; ", constraints)));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the shot is empty: give at least a subject or an action");
        }
        return String.join("\n", lines);
    }

    /**
     * A shot from JSON text when the text is a JSON object whose keys are all shot fields; {@code null} otherwise
     * (then the text is an ordinary prompt).
     */
    public static Shot parseShot(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            Map<String, Object> map = JSON.readValue(trimmed, new TypeReference<Map<String, Object>>() {
            });
            return map != null && Shot.KEYS.containsAll(map.keySet()) ? Shot.fromMap(map) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Shots from JSON text holding an array of shot objects (or of plain prompt strings). */
    public static List<Object> parseShotList(String text) {
        try {
            return JSON.readValue(text.strip(), new TypeReference<List<Object>>() {
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON array of shots: " + e.getMessage());
        }
    }

    private static void line(List<String> lines, String label, String value) {
        if (present(value)) {
            lines.add(sentence(label + ": " + value.strip()));
        }
    }

    private static String join(String subject, String action) {
        if (present(subject) && present(action)) {
            return stripPeriod(subject.strip()) + ", " + action.strip();
        }
        return present(subject) ? subject.strip() : present(action) ? action.strip() : "";
    }

    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    private static String stripPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
