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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What one kind of server offers, as data: default base URL, how the key is sent, which endpoints exist, the models
 * with their sizes and seconds, and whether its endpoint was retired. Each profile is a JSON
 * resource {@code io/github/camelsora/providers/<name>.json}, so supporting another server is a new file, not code.
 */
public final class ProviderProfile {

    /** The names of the bundled profiles. */
    public static final List<String> NAMES = List.of("openai", "azure", "cometapi", "litellm", "sglang", "custom",
            "gemini", "vertex", "bedrock", "fal", "replicate", "byteplus");

    /** How the credential travels. */
    public enum Auth {
        /** {@code Authorization: Bearer <key>} */
        BEARER,
        /** {@code api-key: <key>} (Azure); an access token still goes as a bearer token */
        API_KEY,
        /** {@code x-goog-api-key: <key>} (Gemini API); an access token still goes as a bearer token */
        GOOG_API_KEY,
        /** No header of the component's: the provider's own implementation signs requests (SigV4) */
        SIGNED,
        /** {@code Authorization: Key <key>} (fal) */
        KEY
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String name, String description, String defaultBaseUrl, String baseUrlHint, String auth,
                String retiredOn, List<String> alternatives, List<String> endpoints, Map<String, Spec> models,
                Spec anyModel, String protocol, String artifact, String webhookScheme) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Spec(List<String> sizes, List<String> seconds) {
        ModelCatalog.ModelSpec toModelSpec() {
            return new ModelCatalog.ModelSpec(Set.copyOf(sizes), Set.copyOf(seconds));
        }
    }

    private static final Map<String, ProviderProfile> BUNDLED = new LinkedHashMap<>();

    static {
        for (String name : NAMES) {
            BUNDLED.put(name, load(name));
        }
    }

    private final Data data;
    private final ModelCatalog catalog;

    private ProviderProfile(Data data) {
        this.data = data;
        Map<String, ModelCatalog.ModelSpec> models = new LinkedHashMap<>();
        data.models().forEach((model, spec) -> models.put(model, spec.toModelSpec()));
        this.catalog = new ModelCatalog(models, data.anyModel() == null ? null : data.anyModel().toModelSpec());
    }

    /** A bundled profile by name (case-insensitive). */
    public static ProviderProfile named(String name) {
        ProviderProfile profile = name == null ? null : BUNDLED.get(name.toLowerCase(Locale.ROOT));
        if (profile == null) {
            throw new SoraValidationException("provider", "'" + name + "' is not a known provider; known: " + NAMES);
        }
        return profile;
    }

    private static ProviderProfile load(String name) {
        String resource = "/io/github/camelsora/providers/" + name + ".json";
        try (InputStream in = ProviderProfile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing provider profile " + resource);
            }
            return new ProviderProfile(Json.MAPPER.readValue(in, Data.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read provider profile " + resource, e);
        }
    }

    public String name() {
        return data.name();
    }

    public String description() {
        return data.description();
    }

    /** The base URL used when none is configured, or {@code null} when the server's address must be given. */
    public String defaultBaseUrl() {
        return data.defaultBaseUrl();
    }

    /** What a base URL of this provider looks like, for error messages when none is given. */
    public String baseUrlHint() {
        return data.baseUrlHint();
    }

    public Auth auth() {
        if (data.auth() == null) {
            return Auth.BEARER;
        }
        return switch (data.auth()) {
            case "api-key" -> Auth.API_KEY;
            case "x-goog-api-key" -> Auth.GOOG_API_KEY;
            case "signed" -> Auth.SIGNED;
            case "key" -> Auth.KEY;
            default -> Auth.BEARER;
        };
    }

    /**
     * The protocol family the provider speaks ({@code openai-videos} unless the profile says otherwise): selects
     * the {@link VideoProviderFactory}.
     */
    public String protocol() {
        return data.protocol() == null ? "openai-videos" : data.protocol();
    }

    /** The Maven artifact that implements this provider's protocol when it is not bundled, else {@code null}. */
    public String artifact() {
        return data.artifact();
    }

    /**
     * How the provider signs its callbacks, a {@code webhookScheme} name ({@code standard-webhooks} unless the profile
     * says otherwise).
     */
    public String webhookScheme() {
        return data.webhookScheme() == null ? "standard-webhooks" : data.webhookScheme();
    }

    /** When the provider switched its endpoint off (ISO date), or {@code null}. */
    public String retiredOn() {
        return data.retiredOn();
    }

    public List<String> alternatives() {
        return data.alternatives() == null ? List.of() : data.alternatives();
    }

    /** Whether the server has this endpoint: create, retrieve, list, delete, content, remix, edit, extend, ... */
    public boolean supports(String endpoint) {
        return data.endpoints().contains(endpoint);
    }

    public List<String> endpoints() {
        return data.endpoints();
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** Authentication settings for a key and/or an access token (the token wins: it is what Entra ID issues). */
    public String[] authHeader(String apiKey, String accessToken) {
        if (accessToken != null && !accessToken.isBlank()) {
            return new String[] { "Authorization", "Bearer " + accessToken };
        }
        if (apiKey == null || apiKey.isBlank()) {
            return new String[] { "Authorization", null };
        }
        return switch (auth()) {
            case API_KEY -> new String[] { "api-key", apiKey };
            case GOOG_API_KEY -> new String[] { "x-goog-api-key", apiKey };
            case SIGNED -> new String[] { "Authorization", null };
            case KEY -> new String[] { "Authorization", "Key " + apiKey };
            default -> new String[] { "Authorization", "Bearer " + apiKey };
        };
    }

    @Override
    public String toString() {
        return "ProviderProfile[" + name() + "]";
    }
}
