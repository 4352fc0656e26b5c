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

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelsora.webhook.WebhookVerifier;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * camel-main as the README and docs/webhooks.md set it up (camel-platform-http-main, camel.server.*), a
 * sora:webhook route, and one correctly signed video.completed event whose JSON holds decimal numbers.
 */
public final class WebhookRun {

    public static final String SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("user-build-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    public static final String EVENT = "{\"id\":\"evt_decimal\",\"type\":\"video.completed\",\"created_at\":1767225600,"
                                       + "\"data\":{\"id\":\"video_decimal\",\"progress\":99.5,\"score\":0.125}}";

    private WebhookRun() {
    }

    /** What the HTTP server answered and what the route received. */
    public record Result(int status, String routeBody) {
    }

    /** A new camel-main with the webhook route; not started. */
    public static Main main(int port, CompletableFuture<String> received) {
        Main main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("sora:webhook?fetchVideo=false").routeId("user-build-webhook")
                        .process(e -> received.complete(e.getMessage().getBody(String.class)));
            }
        });
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.addInitialProperty("camel.component.sora.base-url", "http://127.0.0.1:9/v1");
        main.addInitialProperty("camel.component.sora.api-key", "sk-user-build");
        main.addInitialProperty("camel.component.sora.webhook-secret", SECRET);
        return main;
    }

    /** Starts camel-main, posts the event, stops. */
    public static Result postDecimalEvent() throws Exception {
        int port = freePort();
        CompletableFuture<String> received = new CompletableFuture<>();
        Main main = main(port, received);
        main.start();
        try {
            int status = post("http://127.0.0.1:" + port + "/sora/webhook");
            String body = status == 200 ? received.get(10, TimeUnit.SECONDS) : null;
            return new Result(status, body);
        } finally {
            main.stop();
        }
    }

    /** Posts the signed event to {@code url}; the HTTP status. */
    public static int post(String url) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        byte[] body = EVENT.getBytes(StandardCharsets.UTF_8);
        String signature = new WebhookVerifier(SECRET).sign("msg_user_build", now, body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("content-type", "application/json")
                .header(WebhookVerifier.ID_HEADER, "msg_user_build")
                .header(WebhookVerifier.TIMESTAMP_HEADER, String.valueOf(now))
                .header(WebhookVerifier.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println("[user build] POST " + url + " -> " + response.statusCode() + " " + response.body());
        return response.statusCode();
    }

    public static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
