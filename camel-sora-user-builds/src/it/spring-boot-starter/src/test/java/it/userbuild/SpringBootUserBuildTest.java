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
package it.userbuild;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camel.component.sora.base-url=http://127.0.0.1:9/v1",
        "camel.component.sora.api-key=sk-user-build",
        "camel.component.sora.webhook-secret=" + SpringBootUserBuildTest.SECRET})
class SpringBootUserBuildTest {

    static final String SECRET = "whsec_dXNlci1idWlsZC1zZWNyZXQtMDEyMzQ1Njc4OWFiY2RlZg==";
    static final CompletableFuture<String> RECEIVED = new CompletableFuture<>();

    @SpringBootApplication
    static class Application {
        @Bean
        RouteBuilder webhook() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("sora:webhook?fetchVideo=false").routeId("user-build-webhook")
                            .process(e -> RECEIVED.complete(e.getMessage().getBody(String.class)));
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Test
    void theResolvedVersionsConverge() {
        assertEquals(WebhookRun.SECRET, SECRET);
        Classpath.assertConverged();
    }

    @Test
    void aSignedEventWithDecimalNumbersRunsTheWebhookRoute() throws Exception {
        assertEquals(200, WebhookRun.post("http://127.0.0.1:" + port + "/sora/webhook"), Classpath.describe());
        assertTrue(RECEIVED.get(10, TimeUnit.SECONDS).contains("99.5"));
    }
}
