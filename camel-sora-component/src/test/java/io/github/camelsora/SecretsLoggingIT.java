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
package io.github.camelsora;

import java.io.File;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What camel-main (Camel 4.18) prints of the API key at DEBUG, with the key set the ways the README shows: from the
 * environment through {@code camel.component.sora.api-key={{env:...}}}, and as a JVM system property. Camel core
 * prints a resolved placeholder ({@code DefaultCamelContextExtension}, "Resolved text") and a property as written
 * ({@code MainHelper}, "Configured property") without masking; its INFO summary masks it. With those two loggers at
 * INFO, a whole job at DEBUG never prints the key. The environment variable is set by failsafe (see the pom).
 */
class SecretsLoggingIT {

    static final String ENV = "SORA_SECRETS_IT_API_KEY";
    static final String KEY = System.getenv(ENV);
    static final String RESOLVED_TEXT_LOGGER = "org.apache.camel.impl.engine.DefaultCamelContextExtension";
    static final String MAIN_HELPER_LOGGER = "org.apache.camel.main.MainHelper";
    static final String PARSER_LOGGER = "org.apache.camel.component.properties.DefaultPropertiesParser";
    /** The recommended setup: these three Camel loggers at INFO, whatever the rest. */
    static final Map<String, Level> RECOMMENDED = Map.of(PARSER_LOGGER, Level.INFO, RESOLVED_TEXT_LOGGER, Level.INFO,
            MAIN_HELPER_LOGGER, Level.INFO);

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey(KEY == null ? "sk-unset" : KEY)
            .renderTime(Duration.ofSeconds(1))
            .build();

    @TempDir
    File output;

    @BeforeEach
    void theEnvironmentHoldsTheKey() {
        assertThat(KEY).as("%s, set by failsafe from camel-sora-component/pom.xml", ENV).startsWith("sk-env-");
    }

    @AfterEach
    void clearSystemProperty() {
        System.clearProperty("camel.component.sora.api-key");
    }

    @Test
    void aPlaceholderFromTheEnvironmentIsPrintedResolvedByCamelCoreAtDebug() throws Exception {
        StringWriter log = new StringWriter();
        try (LogCapture ignored = new LogCapture(log, Map.of())) {
            runCamelMain(Map.of("camel.component.sora.api-key", "{{env:" + ENV + "}}"), false);
        }
        // Camel core: the function's result and the resolved text, key included
        assertThat(log.toString())
                .contains("DEBUG " + PARSER_LOGGER + " - Property with key [env:" + ENV + "] applied by function [env] -> "
                          + KEY)
                .contains("DEBUG " + RESOLVED_TEXT_LOGGER + " - Resolved text: {{env:" + ENV + "}} -> "
                                            + KEY);
        // camel-main: the property as written, i.e. the placeholder; and the INFO summary masks the option
        assertThat(log.toString())
                .contains("DEBUG " + MAIN_HELPER_LOGGER + " - Configured property: camel.component.sora.apiKey={{env:"
                          + ENV + "}}")
                .containsPattern("INFO  org.apache.camel.main.BaseMainSupport - .*camel.component.sora.apiKey = xxxxxx");
        printLinesWithTheKey("{{env:...}}, everything at DEBUG", log);
    }

    @Test
    void aKeyGivenAsASystemPropertyIsPrintedByMainHelperAtDebug() throws Exception {
        System.setProperty("camel.component.sora.api-key", KEY);
        StringWriter log = new StringWriter();
        try (LogCapture ignored = new LogCapture(log, Map.of())) {
            runCamelMain(Map.of(), false);
        }
        assertThat(log.toString())
                .contains("DEBUG " + MAIN_HELPER_LOGGER + " - Configured property: camel.component.sora.apiKey=" + KEY)
                .containsPattern("INFO  org.apache.camel.main.BaseMainSupport - .*camel.component.sora.apiKey = xxxxxx");
        printLinesWithTheKey("-Dcamel.component.sora.api-key=<key>, everything at DEBUG", log);
    }

    /** What docs/security.md lists comes from here: each logger that printed the key, and how. */
    private static void printLinesWithTheKey(String setup, StringWriter log) {
        System.out.println("Lines with the key (" + setup + "):");
        log.toString().lines().filter(line -> line.contains(KEY))
                .forEach(line -> System.out.println("  " + line.replace(KEY, "<key>")));
    }

    @Test
    void withTheTwoCamelLoggersAtInfoAWholeJobAtDebugNeverPrintsTheKey() throws Exception {
        Map<String, Level> recommended = RECOMMENDED;
        // the README's setup: a placeholder; everything else at DEBUG, and a job run end to end
        StringWriter log = new StringWriter();
        try (LogCapture ignored = new LogCapture(log, recommended)) {
            runCamelMain(Map.of("camel.component.sora.api-key", "{{env:" + ENV + "}}"), true);
        }
        assertThat(log.toString()).contains("DEBUG").contains("Submitted video").contains("apiKey = xxxxxx")
                .doesNotContain(KEY);

        // the key itself as a system property: the same two loggers keep it out
        System.setProperty("camel.component.sora.api-key", KEY);
        StringWriter log2 = new StringWriter();
        try (LogCapture ignored = new LogCapture(log2, recommended)) {
            runCamelMain(Map.of(), false);
        }
        assertThat(log2.toString()).contains("DEBUG").contains("apiKey = xxxxxx").doesNotContain(KEY);
    }

    /**
     * camel-main configured by an application.properties file (as in the README) with a sora:generate route; with
     * {@code generate}, one job against the simulator.
     */
    private void runCamelMain(Map<String, String> properties, boolean generate) throws Exception {
        Properties file = new Properties();
        file.setProperty("camel.component.sora.base-url", SIM.baseUrl());
        file.setProperty("camel.component.sora.poll-delay", "200ms");
        file.setProperty("camel.component.sora.output-directory", output.getAbsolutePath());
        file.putAll(properties);
        Path location = output.toPath().resolve("application.properties");
        try (Writer out = Files.newBufferedWriter(location)) {
            file.store(out, null);
        }
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + location);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sora:generate");
            }
        });
        main.start();
        try {
            assertThat(main.getCamelContext().getComponent("sora", SoraComponent.class).getConfiguration().getApiKey())
                    .isEqualTo(KEY);
            if (generate) {
                Exchange result = main.getCamelContext().createProducerTemplate()
                        .asyncSend("direct:generate", e -> e.getMessage().setBody("A quiet harbour at dawn"))
                        .get(2, TimeUnit.MINUTES);
                assertThat(result.getException()).isNull();
            }
        } finally {
            main.stop();
        }
    }

    /**
     * Every logger at DEBUG into a writer (and not the console), except the given levels; restores the configuration
     * on close.
     */
    static final class LogCapture implements AutoCloseable {
        private final LoggerContext log4j = (LoggerContext) LogManager.getContext(false);
        private final Appender appender;
        private final Level rootLevel;
        private final Map<String, Level> levels = new java.util.HashMap<>();
        private final List<String> added = new java.util.ArrayList<>();

        LogCapture(StringWriter writer, Map<String, Level> overrides) {
            Configuration config = log4j.getConfiguration();
            appender = WriterAppender.createAppender(
                    PatternLayout.newBuilder().withPattern("%-5level %c - %msg%n").withConfiguration(config).build(),
                    null, writer, "secrets-logging-capture", false, true);
            appender.start();
            config.addAppender(appender);
            LoggerConfig root = config.getRootLogger();
            rootLevel = root.getLevel();
            root.removeAppender("console");
            root.addAppender(appender, null, null);
            root.setLevel(Level.DEBUG);
            for (LoggerConfig logger : config.getLoggers().values()) {
                if (logger != root) {
                    levels.put(logger.getName(), logger.getLevel());
                    logger.setLevel(Level.DEBUG);
                }
            }
            overrides.forEach((name, level) -> {
                LoggerConfig logger = new LoggerConfig(name, level, true);
                config.addLogger(name, logger);
                added.add(name);
            });
            log4j.updateLoggers();
        }

        @Override
        public void close() {
            Configuration config = log4j.getConfiguration();
            added.forEach(config::removeLogger);
            levels.forEach((name, level) -> config.getLoggerConfig(name).setLevel(level));
            LoggerConfig root = config.getRootLogger();
            root.removeAppender("secrets-logging-capture");
            root.addAppender(config.getAppender("console"), null, null);
            root.setLevel(rootLevel);
            appender.stop();
            log4j.updateLoggers();
        }
    }
}
