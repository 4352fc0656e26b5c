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
package io.github.camelsora.marketplace;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import io.github.camelsora.SoraConstants;
import io.github.camelsora.simulator.SoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * A marketplace provider through YAML routes on its simulator dialect: {@code direct:poll} generates with
 * completion=poll, {@code direct:webhook} with completion=webhook (the job's callback, sent by the simulator as the
 * service sends it, ends the wait), and {@code sora:webhook} on platform-http receives the callbacks into
 * {@code mock:events}.
 */
abstract class MarketplaceRoutes extends CamelTestSupport {

    static final int PORT = AvailablePortFinder.getNextAvailable();
    static final String HOOK = "http://127.0.0.1:" + PORT + "/hooks/market";

    protected final HttpClient http = HttpClient.newHttpClient();

    abstract SoraSimulator sim();

    abstract String provider();

    abstract String model();

    abstract Path output();

    /** Extra parameters of the sora:webhook endpoint (its secret or key set). */
    abstract String webhookParameters();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(PORT);
        context.addService(new VertxPlatformHttpServer(server));
        return context;
    }

    @Override
    protected void doPostSetup() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("sim.baseUrl", sim().baseUrl());
        properties.setProperty("sim.apiKey", sim().apiKey());
        properties.setProperty("sim.output", output().toString());
        properties.setProperty("sim.model", model());
        properties.setProperty("sim.callback", HOOK);
        context.getPropertiesComponent().setInitialProperties(properties);
        String common = """
                              provider: %s
                              baseUrl: "{{sim.baseUrl}}"
                              apiKey: "{{sim.apiKey}}"
                              model: "{{sim.model}}"
                              size: 1280x720
                              seconds: "4"
                              allowInternalProviderUrls: true
                              outputDirectory: "{{sim.output}}"
                """.formatted(provider());
        String yaml = """
                - route:
                    id: market-poll
                    from:
                      uri: direct:poll
                      steps:
                        - to:
                            uri: sora
                            parameters:
                              operation: generate
                              completion: poll
                              pollDelay: 200ms
                %s
                - route:
                    id: market-webhook
                    from:
                      uri: direct:webhook
                      steps:
                        - to:
                            uri: sora
                            parameters:
                              operation: generate
                              completion: webhook
                              safetyPollDelay: 60s
                              callbackUrl: "{{sim.callback}}"
                %s
                - route:
                    id: market-events
                    from:
                      uri: sora
                      parameters:
                        operation: webhook
                        webhookPath: /hooks/market
                        webhookMaxPayloadSize: 4096
                        download: true
                %s%s
                      steps:
                        - to: mock:events
                """.formatted(common, common, common.replace("              ", "        "), webhookParameters());
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("market.yaml", yaml));
    }

    /** The simulator's job id behind a component job id (fal's carries the model's app before the request id). */
    static String backendId(String videoId) {
        int at = videoId.lastIndexOf("/requests/");
        return at < 0 ? videoId : videoId.substring(at + "/requests/".length());
    }

    Exchange generate(String endpoint, String prompt) {
        return template.request(endpoint, e -> e.getMessage().setBody(prompt));
    }

    static File file(Exchange exchange) {
        return exchange.getMessage().getBody(File.class);
    }

    static String videoId(Exchange exchange) {
        return exchange.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
    }

    int post(String body, Map<String, String> headers) throws Exception {
        return post(HOOK, body, headers);
    }

    int post(String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
