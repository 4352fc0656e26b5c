package io.github.camelsora.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsora.SoraConstants;
import io.github.camelsora.simulator.SoraSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * sora:webhook on Spring Boot: the studio with a webhook route added, served by Spring Boot's web server through
 * camel-platform-http-starter. The simulator's signed events complete the studio's waits with no status request,
 * and an unsigned request never reaches a route.
 */
@CamelSpringBootTest
@SpringBootTest(classes = { VideoStudioApplication.class, WebhookOnSpringBootIT.WebhookRoute.class },
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookOnSpringBootIT {

    static final SoraSimulator SIM = SoraSimulator.builder().apiKey("sk-sim-webhook-boot")
            .renderTime(Duration.ofSeconds(1)).start();
    static final String SECRET = SoraSimulator.newWebhookSecret();
    static final Path VIDEOS = temporaryDirectory();
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class WebhookRoute {
        @Bean
        RouteBuilder webhookRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    // events of jobs nobody waits for in this application run the route
                    from("sora:webhook?webhookSecret=RAW(" + SECRET + ")").routeId("studio-webhook")
                            .process(exchange -> EVENTS.add(
                                    exchange.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class)));
                }
            };
        }
    }

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry properties) {
        properties.add("SORA_BASE_URL", SIM::baseUrl);
        properties.add("SORA_API_KEY", SIM::apiKey);
        properties.add("VIDEOS_FOLDER", VIDEOS::toString);
        // with webhooks the wait needs no polling; the slow safety poll would only cover a lost event
        properties.add("camel.component.sora.poll-delay", () -> "200ms");
    }

    @AfterAll
    static void stop() {
        SIM.close();
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void signedEventsCompleteTheStudiosWaitsWithoutStatusRequests() throws Exception {
        SIM.setWebhook("http://127.0.0.1:" + port + "/sora/webhook", SECRET);

        HttpResponse<String> response = send("/videos", "A kite above the dunes", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String videoId = new ObjectMapper().readTree(response.body()).path("videoId").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(VIDEOS.resolve(videoId + ".mp4")));
        assertThat(SIM.webhooksDelivered()).isPositive();
        // the event only asks for one read of the real job (the spine's rule); no polling
        assertThat(SIM.counters(videoId).statusReads()).as("completed by its event, not by polling")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void anUnsignedRequestIsRefusedAndNeverReachesTheRoute() throws Exception {
        int before = EVENTS.size();

        HttpResponse<String> response = send("/sora/webhook",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"video.completed\",\"data\":{\"id\":\"video_x\"}}",
                "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(EVENTS).hasSize(before);
    }

    private HttpResponse<String> send(String path, String body, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", contentType == null ? "text/plain" : contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("camel-sora-webhook-boot");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
