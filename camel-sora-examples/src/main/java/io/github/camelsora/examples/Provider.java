package io.github.camelsora.examples;

import java.time.Duration;

import io.github.camelsora.simulator.SoraSimulator;

/**
 * The server the examples render on: the one named by {@code SORA_BASE_URL} and {@code SORA_API_KEY} when both are
 * set, else a simulator started in this JVM (no account, no network).
 */
public record Provider(String baseUrl, String apiKey, Duration maxWait, SoraSimulator simulator)
        implements AutoCloseable {

    public static Provider fromEnvironmentOrSimulator() {
        String baseUrl = System.getenv("SORA_BASE_URL");
        String apiKey = System.getenv("SORA_API_KEY");
        if (baseUrl != null && apiKey != null) {
            return new Provider(baseUrl, apiKey, Duration.ofMinutes(30), null);
        }
        SoraSimulator simulator = SoraSimulator.builder().renderTime(Duration.ofSeconds(3)).start();
        return new Provider(simulator.baseUrl(), simulator.apiKey(), Duration.ofMinutes(5), simulator);
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
