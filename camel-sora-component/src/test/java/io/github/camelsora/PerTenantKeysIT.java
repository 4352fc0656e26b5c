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
import java.util.List;

import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item 11 of issue 12: with {@code toD("sora:generate?...&apiKey=${header.key}")} each message is sent with its own
 * key, whichever key came first; the URIs shown keep the keys masked.
 */
class PerTenantKeysIT extends CamelTestSupport {

    private static final String RIGHT = "sk-sim-tenant-right";
    private static final String WRONG = "sk-sim-tenant-wrong";

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey(RIGHT)
            .renderTime(Duration.ofMillis(300))
            .resetBeforeEach(true)
            .build();

    @TempDir
    static Path output;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setOutputDirectory(output.toString());
        sora.getConfiguration().setPollDelay(100);
        sora.getConfiguration().setMaxPollDelay(200);
        sora.getConfiguration().setMaxRetries(0);
        context.addComponent("sora", sora);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tenant").toD("sora:generate?baseUrl=" + SIM.baseUrl() + "&apiKey=${header.key}");
            }
        };
    }

    private Exchange send(String key) {
        return template.request("direct:tenant", e -> {
            e.getMessage().setBody("A kite over dunes for tenant " + key);
            e.getMessage().setHeader("key", key);
        });
    }

    @Test
    void aWrongFirstKeyDoesNotFailTheNextTenant() {
        Exchange wrong = send(WRONG);
        Exchange right = send(RIGHT);

        assertUnauthorized(wrong);
        assertDelivered(right);
        assertKeysMasked(wrong, right);
    }

    @Test
    void aRightFirstKeyIsNotLentToTheNextTenant() {
        Exchange right = send(RIGHT);
        Exchange wrong = send(WRONG);

        assertDelivered(right);
        assertUnauthorized(wrong);
        assertThat(SIM.simulator().totalCreates()).as("the wrong key's job was not created").isEqualTo(1);
        assertKeysMasked(right, wrong);
    }

    private static void assertUnauthorized(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(SoraApiException.class)
                .extracting(e -> ((SoraApiException) e).getStatusCode()).isEqualTo(401);
    }

    private static void assertDelivered(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(File.class)).exists();
    }

    private void assertKeysMasked(Exchange... exchanges) {
        List<SoraEndpoint> endpoints = context.getEndpoints().stream().filter(SoraEndpoint.class::isInstance)
                .map(SoraEndpoint.class::cast).toList();
        assertThat(endpoints).hasSize(2);
        assertThat(endpoints.get(0)).isNotEqualTo(endpoints.get(1));
        for (SoraEndpoint endpoint : endpoints) {
            assertThat(endpoint.getEndpointUri()).contains("apiKey=xxxxxx").doesNotContain(RIGHT, WRONG);
            assertThat(endpoint.toString()).doesNotContain(RIGHT, WRONG);
        }
        for (Exchange exchange : exchanges) {
            assertThat(exchange.getProperty(Exchange.TO_ENDPOINT, String.class)).doesNotContain(RIGHT, WRONG);
            if (exchange.getException() != null) {
                assertThat(exchange.getException().getMessage()).doesNotContain(RIGHT, WRONG);
            }
        }
    }
}
