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
 */
public record ClientSettings(
        String baseUrl, String authHeader, String authValue, Duration connectTimeout, Duration responseTimeout,
        int maxConnections) {

    public ClientSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI.create(baseUrl);
    }

    /** Bearer-token settings with sensible defaults, the common case. */
    public static ClientSettings bearer(String baseUrl, String apiKey) {
        return new ClientSettings(baseUrl, "Authorization", "Bearer " + apiKey, Duration.ofSeconds(30),
                Duration.ofSeconds(60), 20);
    }

    @Override
    public String toString() {
        return "ClientSettings[baseUrl=" + baseUrl + ", authHeader=" + authHeader + ", authValue=***, connectTimeout="
               + connectTimeout + ", responseTimeout=" + responseTimeout + ", maxConnections=" + maxConnections + "]";
    }
}
