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
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What one kind of server offers, as data: default base URL, how the key is sent, which endpoints exist, the models
 * with their sizes and seconds, its dialect of the job protocol (status words, where results and costs are, how a
 * create is shaped: see {@link JobReader} and {@link RequestShape}), list prices and whether it was retired. Each
 * profile is a JSON resource {@code io/github/camelsora/providers/<name>.json}, so supporting another server of the
 * protocol is a new file, not code.
 */
public final class ProviderProfile {

    /** The names of the bundled profiles. */
    public static final List<String> NAMES = List.of("openai", "azure", "cometapi", "litellm", "sglang", "vllm",
            "openrouter", "merge", "newapi", "bifrost", "inworld", "custom", "gemini", "vertex", "bedrock", "fal",
            "replicate", "byteplus");

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
        KEY,
        /** {@code Authorization: Basic <key>}: the key is the Base64 credential the provider issues (Inworld) */
        BASIC
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String name, String description, String defaultBaseUrl, String baseUrlHint, String auth,
                String retiredOn, List<String> alternatives, List<String> endpoints, Map<String, Spec> models,
                Spec anyModel, String protocol, String artifact, String webhookScheme, List<String> retiredHosts,
                Map<String, String> statuses, RequestShape request, List<String> resultUrls,
                boolean authenticatedResultUrls, List<String> costPointers, Map<String, BigDecimal> prices,
                List<String> sources) {
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

    private final Map<String, String> statuses;

    private ProviderProfile(Data data) {
        this.data = data;
        Map<String, ModelCatalog.ModelSpec> models = new LinkedHashMap<>();
        data.models().forEach((model, spec) -> models.put(model, spec.toModelSpec()));
        this.catalog = new ModelCatalog(models, data.anyModel() == null ? null : data.anyModel().toModelSpec());
        Map<String, String> words = new LinkedHashMap<>();
        if (data.statuses() != null) {
            data.statuses().forEach((raw, neutral) -> {
                if (VideoStatus.of(neutral) == VideoStatus.UNKNOWN) {
                    throw new IllegalStateException("profile " + data.name() + " maps status '" + raw + "' to '"
                                                    + neutral + "', which is not a neutral status");
                }
                words.put(raw.toLowerCase(Locale.ROOT), VideoStatus.of(neutral).wireName());
            });
        }
        this.statuses = Map.copyOf(words);
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
            case "basic" -> Auth.BASIC;
            default -> Auth.BEARER;
        };
    }

    /**
     * The protocol family the provider speaks ({@code openai-videos} unless the profile says otherwise): selects
     * the {@link VideoProviderFactory}.
     */
    public String protocol() {
        return data.protocol() == null ? VideosClient.PROTOCOL : data.protocol();
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

    /**
     * Whether {@code baseUrl} is a host of this provider that was switched off ({@link #retiredOn()}): the default
     * base URL, or a host matching one of the profile's {@code retiredHosts} ({@code *.openai.azure.com}).
     */
    public boolean isRetiredHost(String baseUrl) {
        if (retiredOn() == null || baseUrl == null) {
            return false;
        }
        if (defaultBaseUrl() != null && strip(baseUrl).equalsIgnoreCase(strip(defaultBaseUrl()))) {
            return true;
        }
        String host;
        try {
            host = URI.create(baseUrl.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null || data.retiredHosts() == null) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        for (String pattern : data.retiredHosts()) {
            String p = pattern.toLowerCase(Locale.ROOT);
            if (p.startsWith("*.") ? lower.endsWith(p.substring(1)) : lower.equals(p)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The neutral status of one of the provider's status words (case-insensitive): the profile's {@code statuses}
     * first, then the neutral names themselves; {@link VideoStatus#UNKNOWN} for a word neither knows.
     */
    public VideoStatus status(String raw) {
        if (raw == null) {
            return VideoStatus.UNKNOWN;
        }
        String mapped = statuses.get(raw.toLowerCase(Locale.ROOT));
        return VideoStatus.of(mapped != null ? mapped : raw);
    }

    /** How a create request is shaped for this provider. */
    public RequestShape request() {
        return data.request() == null ? RequestShape.OPENAI : data.request().withDefaults();
    }

    /**
     * JSON pointers (RFC 6901) into a job where the provider names its result by URL, in order of preference, e.g.
     * {@code /video_url}, {@code /unsigned_urls/0}, {@code /output/videos/0/url}; empty when the result is behind
     * the content route only.
     */
    public List<String> resultUrls() {
        return data.resultUrls() == null ? List.of() : data.resultUrls();
    }

    /**
     * Whether the provider documents its result URLs on its own origin as authenticated (OpenRouter's
     * {@code unsigned_urls}): only then, and only to the base URL's own origin, is the credential sent with them.
     */
    public boolean authenticatedResultUrls() {
        return data.authenticatedResultUrls();
    }

    /** JSON pointers into a job where the provider reports what it cost ({@code /usage/cost}, {@code /cost}). */
    public List<String> costPointers() {
        return data.costPointers() == null ? List.of() : data.costPointers();
    }

    /**
     * List prices in US dollars per second of video, keyed {@code model} or {@code model:size} (the form of option
     * {@code priceTable}); empty when the sources give none.
     */
    public Map<String, BigDecimal> prices() {
        return data.prices() == null ? Map.of() : data.prices();
    }

    /** Where the profile's facts come from (documentation pages, source files). */
    public List<String> sources() {
        return data.sources() == null ? List.of() : data.sources();
    }

    /**
     * Whether the server has this endpoint: create, retrieve, list, delete, content, remix, edit, extend, ...; and
     * {@code result}: a job's result can be had, from the content route or a URL the job names.
     */
    public boolean supports(String endpoint) {
        if ("result".equals(endpoint)) {
            return data.endpoints().contains("content") || !resultUrls().isEmpty();
        }
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
            case BASIC -> new String[] { "Authorization", "Basic " + apiKey };
            default -> new String[] { "Authorization", "Bearer " + apiKey };
        };
    }

    @Override
    public String toString() {
        return "ProviderProfile[" + name() + "]";
    }
}
