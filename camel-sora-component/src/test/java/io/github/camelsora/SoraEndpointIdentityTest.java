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

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoints differing only in a secret stay distinct for Camel's producer caches (keyed by equals/hashCode), while
 * the URI they show keeps the secret masked.
 */
class SoraEndpointIdentityTest {

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.addComponent("sora", new SoraComponent());
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void endpointsDifferingOnlyInASecretAreNotEqual() {
        Endpoint tenantA = context.getEndpoint("sora:generate?baseUrl=http://127.0.0.1:1/v1&apiKey=sk-tenant-a");
        Endpoint tenantB = context.getEndpoint("sora:generate?baseUrl=http://127.0.0.1:1/v1&apiKey=sk-tenant-b");

        assertThat(tenantA).isNotSameAs(tenantB);
        assertThat(tenantA.getEndpointUri()).isEqualTo(tenantB.getEndpointUri()).contains("apiKey=xxxxxx")
                .doesNotContain("sk-tenant");
        assertThat(tenantA).isNotEqualTo(tenantB);
        assertThat(tenantA.hashCode()).isNotEqualTo(tenantB.hashCode());
        assertThat(tenantA.toString()).doesNotContain("sk-tenant");
        assertThat(tenantB.toString()).doesNotContain("sk-tenant");
    }

    @Test
    void theSameUriIsTheSameEndpoint() {
        String uri = "sora:generate?apiKey=sk-tenant-a&baseUrl=http://127.0.0.1:1/v1";
        Endpoint first = context.getEndpoint(uri);
        SoraEndpoint built = new SoraEndpoint(uri, context.getComponent("sora", SoraComponent.class),
                new SoraConfiguration());

        assertThat(context.getEndpoint(uri)).isSameAs(first);
        assertThat(built).isEqualTo(first).hasSameHashCodeAs(first);
        assertThat(built.getEndpointUri()).doesNotContain("sk-tenant");
    }

    @Test
    void endpointsDifferingInAnyOptionAreNotEqual() {
        Endpoint small = context.getEndpoint("sora:generate?baseUrl=http://127.0.0.1:1/v1&size=720x1280");
        Endpoint large = context.getEndpoint("sora:generate?baseUrl=http://127.0.0.1:1/v1&size=1280x720");

        assertThat(small).isNotEqualTo(large);
    }
}
