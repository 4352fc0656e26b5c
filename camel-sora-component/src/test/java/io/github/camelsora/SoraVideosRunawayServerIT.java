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

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Item 9 of issue 12: a server whose job list always answers {@code has_more} (with a cursor that moves) must not
 * keep the sora:videos poll thread forever: the poll reads at most {@link SoraVideosConsumer#MAX_PAGES} pages, warns,
 * and the next poll starts again from the newest job.
 */
class SoraVideosRunawayServerIT extends CamelTestSupport {

    private final List<String> afters = new CopyOnWriteArrayList<>();
    private final AtomicInteger pages = new AtomicInteger();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private AbstractAppender appender;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/videos", this::listForever);
        server.start();
        appender = new AbstractAppender("runaway-warnings", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                warnings.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        ((Logger) LogManager.getLogger(SoraVideosConsumer.class)).addAppender(appender);

        CamelContext context = super.createCamelContext();
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        sora.getConfiguration().setApiKey("sk-runaway");
        sora.getConfiguration().setMaxRetries(0);
        context.addComponent("sora", sora);
        return context;
    }

    @AfterEach
    void stopServer() {
        ((Logger) LogManager.getLogger(SoraVideosConsumer.class)).removeAppender(appender);
        server.stop(0);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sora:videos?initialDelay=0&delay=100").routeId("videos").to("mock:videos");
            }
        };
    }

    /** One job in progress per page, a new cursor each time, and always has_more. */
    private void listForever(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String after = query == null ? "" : List.of(query.split("&")).stream().filter(p -> p.startsWith("after="))
                .map(p -> p.substring("after=".length())).findFirst().orElse("");
        afters.add(after);
        String id = "video_" + pages.incrementAndGet();
        byte[] body = ("{\"object\":\"list\",\"data\":[{\"id\":\"" + id + "\",\"object\":\"video\",\"model\":\"sora-2\","
                       + "\"status\":\"in_progress\",\"progress\":10,\"created_at\":1700000000}],\"first_id\":\"" + id
                       + "\",\"last_id\":\"" + id + "\",\"has_more\":true}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void aServerThatAlwaysHasMoreDoesNotKeepThePollForever() throws Exception {
        // a second poll starts (a list request with no cursor) only once the first one has ended
        await().atMost(Duration.ofSeconds(60)).until(() -> afters.stream().filter(String::isEmpty).count() >= 2);
        context.getRouteController().stopRoute("videos");

        int secondPoll = afters.subList(1, afters.size()).indexOf("") + 1;
        assertThat(secondPoll).as("list requests of the first poll").isEqualTo(SoraVideosConsumer.MAX_PAGES);
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("WARN").contains("has_more")
                .contains(SoraVideosConsumer.MAX_PAGES + " pages"));
    }
}
