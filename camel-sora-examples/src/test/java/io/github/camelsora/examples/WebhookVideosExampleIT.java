package io.github.camelsora.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelsora.api.ClientSettings;
import io.github.camelsora.api.VideoRequest;
import io.github.camelsora.api.VideosClient;
import io.github.camelsora.media.Mp4Info;
import io.github.camelsora.media.Mp4Inspector;
import io.github.camelsora.simulator.SoraSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The webhook example end to end: the simulator signs and sends webhooks to camel-main's HTTP server. */
class WebhookVideosExampleIT {

    @TempDir
    Path prompts;
    @TempDir
    Path output;

    @Test
    void videosArriveThroughWebhooksWithoutStatusPolling() throws Exception {
        Files.writeString(prompts.resolve("kite.txt"), "A red kite over sand dunes");
        Files.writeString(prompts.resolve("boat.txt"), "A paper boat on a pond");
        int port = freePort();
        String secret = SoraSimulator.newWebhookSecret();
        try (SoraSimulator simulator = SoraSimulator.builder()
                .renderTime(Duration.ofSeconds(1))
                .webhook("http://127.0.0.1:" + port + "/sora/webhook", secret)
                .start();
             WebhookVideosExample example = new WebhookVideosExample(prompts, output, simulator.baseUrl(),
                     simulator.apiKey(), secret, port)) {
            example.start();

            // a job submitted by another system: only its webhook tells this application about it
            String external;
            try (VideosClient other = new VideosClient(ClientSettings.bearer(simulator.baseUrl(), simulator.apiKey()))) {
                external = other.create(new VideoRequest("A lighthouse at dusk", "sora-2", "4", "720x1280"))
                        .get(10, TimeUnit.SECONDS).value().id();
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> mp4s().size() == 3);

            List<String> generated = new ArrayList<>(simulator.createdVideoIds());
            generated.remove(external);
            assertThat(generated).hasSize(2).allSatisfy(id -> {
                // no polling (the safety poll is 5 minutes away): the event only asks for one read of the real job
                assertThat(simulator.counters(id).statusReads()).as("status reads of " + id).isLessThanOrEqualTo(1);
                assertThat(output.resolve(id + ".mp4")).exists();
            });
            // the external job's event run the webhook route, which fetched the job once and downloaded it
            assertThat(simulator.counters(external).statusReads()).isEqualTo(1);
            assertThat(output.resolve(external + ".mp4")).exists();
            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.webhooksDelivered() == 3);
        }
        for (Path video : mp4s()) {
            Mp4Info info = Mp4Inspector.inspect(video);
            assertThat(info.videoCodec()).isEqualTo("avc1");
        }
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private List<Path> mp4s() throws Exception {
        try (var files = Files.list(output)) {
            return files.filter(f -> f.toString().endsWith(".mp4")).toList();
        }
    }
}
