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
package io.github.camelsora.springboot;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelsora.SoraComponent;
import io.github.camelsora.SoraConfiguration;
import io.github.camelsora.SoraConstants;
import io.github.camelsora.media.Mp4Info;
import io.github.camelsora.media.Mp4Inspector;
import io.github.camelsora.simulator.SoraSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The starter in a Spring Boot application: camel.component.sora.* applied, a route generating, meters counted. */
@CamelSpringBootTest
@SpringBootTest(classes = SoraStarterTest.TestApplication.class)
class SoraStarterTest {

    static final SoraSimulator SIM = SoraSimulator.builder().apiKey("sk-sim-starter")
            .renderTime(Duration.ofSeconds(1)).start();
    static final Path OUTPUT = temporaryDirectory();

    @DynamicPropertySource
    static void soraProperties(DynamicPropertyRegistry properties) {
        properties.add("camel.component.sora.base-url", SIM::baseUrl);
        properties.add("camel.component.sora.api-key", SIM::apiKey);
        properties.add("camel.component.sora.model", () -> "sora-2");
        properties.add("camel.component.sora.size", () -> "1280x720");
        properties.add("camel.component.sora.seconds", () -> "4");
        properties.add("camel.component.sora.poll-delay", () -> "200ms");
        properties.add("camel.component.sora.max-poll-delay", () -> "1s");
        properties.add("camel.component.sora.timeout", () -> "2m");
        properties.add("camel.component.sora.output-directory", OUTPUT::toString);
        properties.add("camel.component.sora.max-spend-per-day", () -> "12.5");
        properties.add("camel.component.sora.price-table", () -> "sora-2=0.05");
        properties.add("camel.component.sora.worker-pool-size", () -> "3");
    }

    @AfterAll
    static void stopSimulator() {
        SIM.close();
    }

    @Configuration
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate").to("sora:generate");
                }
            };
        }
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;
    @Autowired
    MeterRegistry meters;

    @Test
    void propertiesConfigureTheComponent() {
        SoraComponent sora = camelContext.getComponent("sora", SoraComponent.class);
        SoraConfiguration configuration = sora.getConfiguration();
        assertThat(configuration.getBaseUrl()).isEqualTo(SIM.baseUrl());
        assertThat(configuration.getApiKey()).isEqualTo(SIM.apiKey());
        assertThat(configuration.getSize()).isEqualTo("1280x720");
        assertThat(configuration.getPollDelay()).isEqualTo(200);
        assertThat(configuration.getMaxPollDelay()).isEqualTo(1000);
        assertThat(configuration.getTimeout()).isEqualTo(120_000);
        assertThat(configuration.getPriceTable()).isEqualTo("sora-2=0.05");
        assertThat(sora.getMaxSpendPerDay()).isEqualTo(12.5);
        assertThat(sora.getWorkerPoolSize()).isEqualTo(3);
        // untouched options keep the component's defaults
        assertThat(configuration.getMaxConnections()).isEqualTo(20);
    }

    @Test
    void aRouteGeneratesWithTheseDefaultsAndTheApplicationsMeterRegistryCounts() throws Exception {
        Exchange result = template.request("direct:generate", e -> e.getMessage().setBody("A tram in the fog"));

        assertThat(result.getException()).isNull();
        File file = result.getMessage().getBody(File.class);
        assertThat(file.toPath().getParent()).isEqualTo(OUTPUT);
        Mp4Info info = Mp4Inspector.inspect(file.toPath());
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.height()).isEqualTo(720);
        assertThat(info.durationSeconds()).isCloseTo(4.0, within(0.5));
        assertThat(result.getMessage().getHeader(SoraConstants.ESTIMATED_COST, BigDecimal.class))
                .isEqualByComparingTo("0.20");
        assertThat(meters.get("camel.sora.jobs.completed").tag("model", "sora-2").counter().count()).isEqualTo(1);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("camel-sora-starter");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
