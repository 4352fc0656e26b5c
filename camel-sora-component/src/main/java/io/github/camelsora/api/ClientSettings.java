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

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one server: base URL, the header that carries the credential, timeouts, pool size. The credential
 * is kept out of {@link #toString()} so that the settings can be logged.
 *
 * @param baseUrl         e.g. {@code https://api.example.com/v1}; paths such as {@code /videos} are appended
 * @param authHeader      the credential header name, e.g. {@code Authorization} or {@code api-key}
 * @param authValue       the header value, e.g. {@code Bearer sk-...}; secret
 * @param connectTimeout  TCP connect timeout
 * @param responseTimeout the longest silence allowed while waiting for or reading a response
 * @param maxConnections  connections per route (requests beyond it wait in the pool, holding no thread)
 * @param transport       TLS, proxy, plain-http permission, size and time caps
 * @param providerOptions what only one provider family reads (Bedrock: region, credentials, storage endpoint), by
 *                        name; values may be secret and are kept out of {@link #toString()}
 */
public record ClientSettings(
        String baseUrl, String authHeader, String authValue, Duration connectTimeout, Duration responseTimeout,
        int maxConnections, TransportSettings transport, java.util.Map<String, String> providerOptions) {

    public ClientSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        providerOptions = providerOptions == null ? java.util.Map.of() : java.util.Map.copyOf(providerOptions);
        transport = transport == null ? TransportSettings.defaults() : transport;
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        checkBaseUrl(baseUrl, transport.allowInsecureHttp());
    }

    public ClientSettings(String baseUrl, String authHeader, String authValue, Duration connectTimeout,
                          Duration responseTimeout, int maxConnections, TransportSettings transport) {
        this(baseUrl, authHeader, authValue, connectTimeout, responseTimeout, maxConnections, transport, null);
    }

    /** A provider option, or {@code null}. */
    public String option(String name) {
        return providerOptions.get(name);
    }

    /** Settings with the default transport: JDK TLS, no proxy, https only (loopback excepted). */
    public ClientSettings(String baseUrl, String authHeader, String authValue, Duration connectTimeout,
                          Duration responseTimeout, int maxConnections) {
        this(baseUrl, authHeader, authValue, connectTimeout, responseTimeout, maxConnections, null);
    }

    /**
     * Refuses a base URL that would send the key in clear text: {@code http} is only accepted for a loopback host
     * (a local simulator or sidecar) or when explicitly allowed.
     */
    static void checkBaseUrl(String baseUrl, boolean allowInsecureHttp) {
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a valid URI: " + ServerText.clean(e.getMessage()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("baseUrl must be an absolute https URL with a host, e.g."
                                               + " https://api.example.com/v1; got " + uri.getScheme() + " URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must not carry credentials (user info); use apiKey");
        }
        if (scheme.equals("http") && !allowInsecureHttp && !Addresses.isLoopbackHost(uri.getHost())) {
            throw new IllegalArgumentException("baseUrl " + uri.getScheme() + "://" + uri.getHost()
                                               + " would send the API key unencrypted: use https, a loopback host,"
                                               + " or set allowInsecureHttp=true");
        }
    }

    /** The same settings with another transport. */
    public ClientSettings withTransport(TransportSettings other) {
        return new ClientSettings(baseUrl, authHeader, authValue, connectTimeout, responseTimeout, maxConnections,
                other, providerOptions);
    }

    /** Bearer-token settings with sensible defaults, the common case. */
    public static ClientSettings bearer(String baseUrl, String apiKey) {
        return new ClientSettings(baseUrl, "Authorization", "Bearer " + apiKey, Duration.ofSeconds(30),
                Duration.ofSeconds(60), 20);
    }

    @Override
    public String toString() {
        return "ClientSettings[baseUrl=" + baseUrl + ", authHeader=" + authHeader + ", authValue=***, connectTimeout="
               + connectTimeout + ", responseTimeout=" + responseTimeout + ", maxConnections=" + maxConnections
               + ", transport=" + transport + ", providerOptions=" + providerOptions.keySet() + "]";
    }
}
