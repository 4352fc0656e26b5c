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

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running a {@link SoraSimulator}.
 * <ul>
 *   <li>On a {@code static} field: one simulator for the whole class (started before all, closed after all).</li>
 *   <li>On an instance field: a fresh simulator per test method.</li>
 * </ul>
 * Test and lifecycle methods can also take a {@link SoraSimulator} parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SoraSimulatorExtension SIM = SoraSimulatorExtension.builder().renderTime(Duration.ofSeconds(2)).build();
 * }</pre>
 */
public final class SoraSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final SoraSimulator.Builder settings;
    private final boolean resetBeforeEach;
    private SoraSimulator simulator;
    private boolean perMethod;
    /** Nested test classes call beforeAll/afterAll again; only the outermost pair starts and stops. */
    private int classDepth;

    private SoraSimulatorExtension(SoraSimulator.Builder settings, boolean resetBeforeEach) {
        this.settings = settings;
        this.resetBeforeEach = resetBeforeEach;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The running simulator; only valid while a test of the registering class runs. */
    public SoraSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the Sora simulator is not running (used outside a test?)");
        }
        return simulator;
    }

    public String baseUrl() {
        return simulator().baseUrl();
    }

    public String apiKey() {
        return simulator().apiKey();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0) {
            simulator = settings.start();
            perMethod = false;
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classDepth == 0 && simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            // registered on an instance field: beforeAll was never called, so the simulator lives per test
            simulator = settings.start();
            perMethod = true;
        } else if (resetBeforeEach) {
            simulator.reset();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (perMethod && simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SoraSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator();
    }

    /** The settings of {@link SoraSimulator.Builder}, plus {@link #resetBeforeEach(boolean)}. */
    public static final class Builder {

        private final SoraSimulator.Builder settings = SoraSimulator.builder();
        private boolean resetBeforeEach;

        private Builder() {
        }

        public Builder port(int port) {
            settings.port(port);
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            settings.bindAddress(bindAddress);
            return this;
        }

        public Builder apiKey(String apiKey) {
            settings.apiKey(apiKey);
            return this;
        }

        public Builder renderTime(Duration renderTime) {
            settings.renderTime(renderTime);
            return this;
        }

        public Builder pollAfterMs(Long pollAfterMs) {
            settings.pollAfterMs(pollAfterMs);
            return this;
        }

        public Builder drawPrompt(boolean drawPrompt) {
            settings.drawPrompt(drawPrompt);
            return this;
        }

        public Builder clock(Clock clock) {
            settings.clock(clock);
            return this;
        }

        public Builder cacheDir(Path cacheDir) {
            settings.cacheDir(cacheDir);
            return this;
        }

        public Builder httpThreads(int httpThreads) {
            settings.httpThreads(httpThreads);
            return this;
        }

        public Builder maxCachedVideos(int maxCachedVideos) {
            settings.maxCachedVideos(maxCachedVideos);
            return this;
        }

        public Builder s3Output(String endpoint, String accessKey, String secretKey) {
            settings.s3Output(endpoint, accessKey, secretKey);
            return this;
        }

        public Builder dialect(Dialect dialect) {
            settings.dialect(dialect);
            return this;
        }

        /** Signed webhook events of finished jobs to {@code url}, in the dialect's scheme. */
        public Builder webhook(String url, String secret) {
            settings.webhook(url, secret);
            return this;
        }

        public Builder recordExchanges(boolean recordExchanges) {
            settings.recordExchanges(recordExchanges);
            return this;
        }

        public Builder callbackSecret(String secret) {
            settings.callbackSecret(secret);
            return this;
        }

        /**
         * With a class-wide (static) simulator, call {@link SoraSimulator#reset()} before each test so tests
         * do not see each other's jobs, counters or faults. Default false.
         */
        public Builder resetBeforeEach(boolean resetBeforeEach) {
            this.resetBeforeEach = resetBeforeEach;
            return this;
        }

        public SoraSimulatorExtension build() {
            return new SoraSimulatorExtension(settings, resetBeforeEach);
        }
    }
}
