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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The model slugs of the API and the sizes and durations each accepts (per the 2026 guide). */
final class VideoModels {

    static final String DEFAULT_MODEL = "sora-2";
    static final String DEFAULT_SECONDS = "4";
    static final String DEFAULT_SIZE = "720x1280";

    static final List<String> SECONDS = List.of("4", "8", "12", "16", "20");

    private static final List<String> SORA_2_SIZES = List.of("720x1280", "1280x720");
    private static final List<String> SORA_2_PRO_SIZES =
            List.of("720x1280", "1280x720", "1024x1792", "1792x1024", "1920x1080", "1080x1920");

    /** Insertion-ordered so error messages list the models the way the API documents them. */
    private static final Map<String, List<String>> SIZES_BY_MODEL = new LinkedHashMap<>();

    static {
        SIZES_BY_MODEL.put("sora-2", SORA_2_SIZES);
        SIZES_BY_MODEL.put("sora-2-pro", SORA_2_PRO_SIZES);
        SIZES_BY_MODEL.put("sora-2-2025-10-06", SORA_2_SIZES);
        SIZES_BY_MODEL.put("sora-2-pro-2025-10-06", SORA_2_PRO_SIZES);
        SIZES_BY_MODEL.put("sora-2-2025-12-08", SORA_2_SIZES);
    }

    private VideoModels() {
    }

    static boolean isKnownModel(String model) {
        return SIZES_BY_MODEL.containsKey(model);
    }

    static List<String> models() {
        return List.copyOf(SIZES_BY_MODEL.keySet());
    }

    static List<String> allSizes() {
        return SORA_2_PRO_SIZES;
    }

    static List<String> sizesFor(String model) {
        return SIZES_BY_MODEL.get(model);
    }

    /** Formats values like the API's messages: 'a', 'b', and 'c'. */
    static String quotedList(List<String> values) {
        List<String> quoted = values.stream().map(v -> "'" + v + "'").collect(Collectors.toList());
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        if (quoted.size() == 2) {
            return quoted.get(0) + " and " + quoted.get(1);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", and " + quoted.get(quoted.size() - 1);
    }
}
