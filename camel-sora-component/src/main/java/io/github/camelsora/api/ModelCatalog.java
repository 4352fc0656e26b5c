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
package io.github.camelsora.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which sizes and durations each known model accepts. Data, not logic: a provider with other models gets another
 * catalog. Models missing from the catalog are passed through unchecked (a gateway may serve models we don't know).
 */
public final class ModelCatalog {

    /** Sizes and seconds one model accepts. */
    public record ModelSpec(Set<String> sizes, Set<String> seconds) {
    }

    private static final Set<String> ALL_SECONDS = Set.of("4", "8", "12", "16", "20");
    private static final Set<String> SIZES_720P = Set.of("720x1280", "1280x720");
    private static final Set<String> SIZES_PRO
            = Set.of("720x1280", "1280x720", "1024x1792", "1792x1024", "1920x1080", "1080x1920");

    /** The Sora 2 family as documented by OpenAI's video generation guide (2026). */
    public static final ModelCatalog SORA_2 = new ModelCatalog(Map.of(
            "sora-2", new ModelSpec(SIZES_720P, ALL_SECONDS),
            "sora-2-2025-10-06", new ModelSpec(SIZES_720P, ALL_SECONDS),
            "sora-2-2025-12-08", new ModelSpec(SIZES_720P, ALL_SECONDS),
            "sora-2-pro", new ModelSpec(SIZES_PRO, ALL_SECONDS),
            "sora-2-pro-2025-10-06", new ModelSpec(SIZES_PRO, ALL_SECONDS)));

    private final Map<String, ModelSpec> models;
    private final ModelSpec anyModel;

    public ModelCatalog(Map<String, ModelSpec> models) {
        this(models, null);
    }

    /**
     * @param anyModel the spec of every model not listed (a provider whose model names are deployment names), or
     *                 {@code null} to pass unlisted models through unchecked
     */
    public ModelCatalog(Map<String, ModelSpec> models, ModelSpec anyModel) {
        this.models = Map.copyOf(models);
        this.anyModel = anyModel;
    }

    /** The spec of a model, or {@code null} when the model is not in this catalog. */
    public ModelSpec spec(String model) {
        ModelSpec spec = models.get(model);
        return spec != null ? spec : anyModel;
    }

    public List<String> modelNames() {
        return models.keySet().stream().sorted().toList();
    }
}
