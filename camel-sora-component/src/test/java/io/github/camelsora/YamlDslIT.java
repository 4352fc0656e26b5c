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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The component from a YAML DSL route: options as parameters, the path parameter placed by the URI factory. */
class YamlDslIT extends CamelTestSupport {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ofSeconds(1))
            .build();

    @TempDir
    static Path output;

    private static final String ROUTE = """
            - route:
                id: yaml-generate
                from:
                  uri: direct:yaml
                  steps:
                    - to:
                        uri: sora
                        parameters:
                          operation: generate
                          baseUrl: "{{sim.baseUrl}}"
                          apiKey: "{{sim.apiKey}}"
                          model: sora-2
                          size: 1280x720
                          seconds: "4"
                          pollDelay: 200ms
                          outputDirectory: "{{sim.output}}"
            """;

    @Test
    void generatesFromAYamlRoute() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("sim.baseUrl", SIM.baseUrl());
        properties.setProperty("sim.apiKey", SIM.apiKey());
        properties.setProperty("sim.output", output.toString());
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("sora.yaml", ROUTE));

        Exchange result = template.request("direct:yaml", e -> e.getMessage().setBody("A kite over dunes"));

        assertThat(result.getException()).isNull();
        File file = result.getMessage().getBody(File.class);
        Mp4Assertions.assertPlayableMp4(file, 1280, 720, 4);
        assertThat(context.getRoute("yaml-generate").getEndpoint()).isNotNull();
        SoraEndpoint endpoint = context.getEndpoints().stream()
                .filter(SoraEndpoint.class::isInstance).map(SoraEndpoint.class::cast).findFirst().orElseThrow();
        assertThat(endpoint.getOperation()).isEqualTo(SoraOperation.generate);
        assertThat(endpoint.getConfiguration().getSize()).isEqualTo("1280x720");
        // the URI factory wrapped the secret in RAW() (the registry key), and the endpoint's own URI, shown by the
        // dev console, logs and JMX, masks it
        assertThat(context.getEndpointRegistry().keySet().toString()).contains("apiKey=RAW(");
        assertThat(endpoint.getEndpointUri()).contains("apiKey=xxxxxx").doesNotContain(SIM.apiKey());
        assertThat(endpoint.toString()).doesNotContain(SIM.apiKey());
    }
}
