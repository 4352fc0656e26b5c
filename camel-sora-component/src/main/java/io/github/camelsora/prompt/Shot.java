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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A directed shot: what is seen and heard, and how it is filmed. Rendered into prompt text by {@link ShotPrompt}.
 * Every field is optional except that a shot must say something; {@code seconds} is the shot's own length (used by
 * storyboards), not part of the prompt.
 */
public class Shot {

    /** The keys a shot map or JSON object may have. */
    public static final Set<String> KEYS = Set.of("subject", "action", "camera", "lighting", "palette", "style",
            "dialogue", "sound", "constraints", "seconds");

    private String subject;
    private String action;
    private String camera;
    private String lighting;
    private String palette;
    private String style;
    private String dialogue;
    private String sound;
    private List<String> constraints = new ArrayList<>();
    private String seconds;

    public Shot() {
    }

    /**
     * A shot from a map with the keys of {@link #KEYS}; {@code constraints} may be a list or one string.
     *
     * @throws IllegalArgumentException for an unknown key, so a typo never silently drops a direction
     */
    public static Shot fromMap(Map<?, ?> map) {
        Shot shot = new Shot();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown shot field '" + key + "'; known: " + KEYS);
            }
            if (value == null) {
                continue;
            }
            switch (key) {
                case "subject" -> shot.subject = value.toString();
                case "action" -> shot.action = value.toString();
                case "camera" -> shot.camera = value.toString();
                case "lighting" -> shot.lighting = value.toString();
                case "palette" -> shot.palette = value.toString();
                case "style" -> shot.style = value.toString();
                case "dialogue" -> shot.dialogue = value.toString();
                case "sound" -> shot.sound = value.toString();
                case "seconds" -> shot.seconds = value.toString();
                default -> {
                    if (value instanceof Iterable<?> items) {
                        items.forEach(item -> shot.constraints.add(String.valueOf(item)));
                    } else {
                        shot.constraints.add(value.toString());
                    }
                }
            }
        }
        return shot;
    }

    /** The shot as a map of its non-empty fields, in template order. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "subject", subject);
        put(map, "action", action);
        put(map, "camera", camera);
        put(map, "lighting", lighting);
        put(map, "palette", palette);
        put(map, "style", style);
        put(map, "dialogue", dialogue);
        put(map, "sound", sound);
        if (!constraints.isEmpty()) {
            map.put("constraints", List.copyOf(constraints));
        }
        put(map, "seconds", seconds);
        return map;
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    public String getSubject() {
        return subject;
    }

    public Shot setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public String getAction() {
        return action;
    }

    public Shot setAction(String action) {
        this.action = action;
        return this;
    }

    public String getCamera() {
        return camera;
    }

    public Shot setCamera(String camera) {
        this.camera = camera;
        return this;
    }

    public String getLighting() {
        return lighting;
    }

    public Shot setLighting(String lighting) {
        this.lighting = lighting;
        return this;
    }

    public String getPalette() {
        return palette;
    }

    public Shot setPalette(String palette) {
        this.palette = palette;
        return this;
    }

    public String getStyle() {
        return style;
    }

    public Shot setStyle(String style) {
        this.style = style;
        return this;
    }

    public String getDialogue() {
        return dialogue;
    }

    public Shot setDialogue(String dialogue) {
        this.dialogue = dialogue;
        return this;
    }

    public String getSound() {
        return sound;
    }

    public Shot setSound(String sound) {
        this.sound = sound;
        return this;
    }

    public List<String> getConstraints() {
        return constraints;
    }

    public Shot setConstraints(List<String> constraints) {
        this.constraints = constraints == null ? new ArrayList<>() : new ArrayList<>(constraints);
        return this;
    }

    /** The shot's own length in seconds (storyboards), or null for the endpoint's. */
    public String getSeconds() {
        return seconds;
    }

    public Shot setSeconds(String seconds) {
        this.seconds = seconds;
        return this;
    }

    @Override
    public String toString() {
        return "Shot" + toMap();
    }
}
