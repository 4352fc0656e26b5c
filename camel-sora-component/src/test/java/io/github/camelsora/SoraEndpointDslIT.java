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

import io.github.camelsora.dsl.SoraEndpointBuilderFactory.SoraBuilders;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A route written with the typed Endpoint DSL, against the simulator: the builders make a working endpoint. */
class SoraEndpointDslIT extends CamelTestSupport {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ofSeconds(1))
            .build();

    @TempDir
    static Path output;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new DslRoutes();
    }

    /** What a user writes: a RouteBuilder that implements SoraBuilders gets sora(path) and the header names. */
    static class DslRoutes extends RouteBuilder implements SoraBuilders {
        @Override
        public void configure() {
            from("direct:dsl").routeId("dsl-generate")
                    .to(sora("generate")
                            .baseUrl(SIM.baseUrl())
                            .apiKey(SIM.apiKey())
                            .model("sora-2")
                            .size("1280x720")
                            .seconds("4")
                            .pollDelay("200ms")
                            .outputDirectory(output.toString()))
                    .setHeader("videoIdSeen", header(sora().soraVideoId()))
                    .to("mock:videos");
        }
    }

    @Test
    void aRouteBuiltWithTheDslGeneratesAPlayableVideo() throws Exception {
        MockEndpoint videos = getMockEndpoint("mock:videos");
        videos.expectedMessageCount(1);

        Exchange result = template.request("direct:dsl", e -> e.getMessage().setBody("A paper boat on a canal"));

        assertThat(result.getException()).isNull();
        videos.assertIsSatisfied();
        File file = result.getMessage().getBody(File.class);
        Mp4Assertions.assertPlayableMp4(file, 1280, 720, 4);
        assertThat(file.toPath().getParent()).isEqualTo(output);
        assertThat(result.getMessage().getHeader("videoIdSeen", String.class))
                .isNotBlank().isEqualTo(result.getMessage().getHeader(SoraConstants.VIDEO_ID));
        SoraEndpoint endpoint = context.getEndpoints().stream()
                .filter(SoraEndpoint.class::isInstance).map(SoraEndpoint.class::cast).findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getPollDelay()).isEqualTo(200);
        assertThat(endpoint.getEndpointUri()).doesNotContain(SIM.apiKey());
    }
}
