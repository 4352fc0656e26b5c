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
