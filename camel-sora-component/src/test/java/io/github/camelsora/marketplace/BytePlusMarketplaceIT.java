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

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.camelsora.SoraConstants;
import io.github.camelsora.api.DeletedVideo;
import io.github.camelsora.api.SoraAssetExpiredException;
import io.github.camelsora.api.SoraJobFailedException;
import io.github.camelsora.api.Video;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.SoraSimulator;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelsora.Mp4AssertionsAccess.assertPlayableMp4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * provider=byteplus (ModelArk, Seedance) through YAML routes on the simulator's dialect; its callbacks carry no
 * signature, so they only make the component read the task again.
 */
class BytePlusMarketplaceIT extends MarketplaceRoutes {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .dialect(Dialect.BYTEPLUS).apiKey("ark-sim-key").renderTime(Duration.ofMillis(1500))
            .recordExchanges(true).resetBeforeEach(true).build();

    @TempDir
    static Path output;

    @Override
    SoraSimulator sim() {
        return SIM.simulator();
    }

    @Override
    String provider() {
        return "byteplus";
    }

    @Override
    String model() {
        return "seedance-1-0-pro-250528";
    }

    @Override
    Path output() {
        return output;
    }

    @Override
    String webhookParameters() {
        return "";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String common = "provider=byteplus&baseUrl=" + SIM.baseUrl() + "&apiKey=" + SIM.apiKey()
                                + "&model=seedance-1-0-pro-250528&size=1280x720&seconds=4"
                                + "&allowInternalProviderUrls=true&outputDirectory=" + output;
                from("direct:create").to("sora:create?" + common);
                from("direct:download").to("sora:download?" + common);
                from("direct:delete").to("sora:delete?" + common);
                from("direct:retrieve").to("sora:retrieve?" + common);
            }
        };
    }

    @Test
    void generatesWithCompletionPoll() throws Exception {
        Exchange result = generate("direct:poll", "A kite over dunes, seedance");

        assertThat(result.getException()).isNull();
        assertPlayableMp4(file(result), 1280, 720, 4);
        assertThat(videoId(result)).startsWith("cgt-");
        var create = SIM.simulator().recordedExchanges().get(0);
        assertThat(create.path()).isEqualTo("/api/v3/contents/generations/tasks");
        assertThat(new String(create.requestBody())).contains("\"model\":\"seedance-1-0-pro-250528\"",
                "{\"type\":\"text\",\"text\":\"A kite over dunes, seedance\"}", "\"ratio\":\"16:9\"",
                "\"resolution\":\"720p\"", "\"duration\":4").doesNotContain("callback_url");
    }

    @Test
    void generatesWithCompletionWebhookWhoseUnsignedCallbackOnlyNudges() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(0);
        long start = System.nanoTime();

        Exchange result = generate("direct:webhook", "A lighthouse at dusk, seedance webhook");

        assertThat(result.getException()).isNull();
        assertPlayableMp4(file(result), 1280, 720, 4);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(SIM.simulator().callbacksDelivered()).isEqualTo(1);
        // the callback's task was not trusted: the task was read again from ModelArk
        assertThat(SIM.simulator().counters(videoId(result)).statusReads()).isBetween(1, 2);
        assertThat(new String(SIM.simulator().recordedExchanges().get(0).requestBody()))
                .contains("\"callback_url\":\"" + HOOK + "\"");
        events.assertIsSatisfied();
    }

    @Test
    void aForgedCallbackNeitherEndsTheWaitNorReachesTheRoute() throws Exception {
        SIM.simulator().renderTimeWhenPromptContains("slow", Duration.ofSeconds(4));
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(0);
        var pending = template.asyncRequestBody("direct:webhook", "A slow river, seedance");
        await().atMost(Duration.ofSeconds(10)).until(() -> !SIM.simulator().createdVideoIds().isEmpty());
        String id = SIM.simulator().createdVideoIds().get(0);

        // a forged "succeeded" for the running task, pointing at someone else's file
        String forged = "{\"id\":\"" + id + "\",\"model\":\"seedance-1-0-pro-250528\",\"status\":\"succeeded\","
                        + "\"content\":{\"video_url\":\"https://evil.example/x.mp4\"}}";
        assertThat(post(forged, Map.of())).isEqualTo(200);
        // a forged callback about a task ModelArk does not have
        assertThat(post(forged.replace(id, "cgt-20261129000000-zzzzz"), Map.of())).isEqualTo(200);
        // oversize
        assertThat(post(forged.replace("}}", "},\"pad\":\"" + "x".repeat(5000) + "\"}"), Map.of())).isEqualTo(413);
        // not a callback at all
        assertThat(post("[1,2]", Map.of())).isEqualTo(400);

        // the wait ended with ModelArk's own video, after the real end of the task
        java.io.File file = (java.io.File) pending.get(30, java.util.concurrent.TimeUnit.SECONDS);
        events.assertIsSatisfied();
        assertPlayableMp4(file, 1280, 720, 4);
        assertThat(SIM.simulator().recordedExchanges()).noneMatch(e -> e.path().contains("evil"));
    }

    @Test
    void aQueuedTaskIsCancelledAndAnExpiredUrlIsAssetExpired() throws Exception {
        SIM.simulator().renderTimeWhenPromptContains("queued", Duration.ofSeconds(60));
        Video created = template.requestBody("direct:create", "A queued parade", Video.class);
        assertThat(created.status()).isEqualTo("queued");
        DeletedVideo cancelled = template.requestBodyAndHeader("direct:delete", null, SoraConstants.VIDEO_ID,
                created.id(), DeletedVideo.class);
        assertThat(cancelled.deleted()).isTrue();
        Video after = template.requestBodyAndHeader("direct:retrieve", null, SoraConstants.VIDEO_ID, created.id(),
                Video.class);
        assertThat(after.status()).isEqualTo("failed");
        assertThat(after.error().code()).isEqualTo("cancelled");

        // the video URL is kept 24 h (compressed here to 1 s): after it, a download is SoraAssetExpiredException
        SIM.simulator().expireWhenPromptContains("brief", Duration.ofSeconds(1));
        Video brief = template.requestBody("direct:create", "A brief rainbow", Video.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> "expired".equals(
                template.requestBodyAndHeader("direct:retrieve", null, SoraConstants.VIDEO_ID, brief.id(),
                        Video.class).status()));
        Exchange download = template.request("direct:download",
                e -> e.getMessage().setHeader(SoraConstants.VIDEO_ID, brief.id()));
        assertThat(download.getException()).isInstanceOf(SoraAssetExpiredException.class);
    }

    @Test
    void aFailedTaskFailsTheExchangeWithItsCode() {
        SIM.simulator().failWhenPromptContains("forbidden", "OutputVideoSensitiveContentDetected",
                "The generated video may contain sensitive content");
        Exchange result = generate("direct:poll", "A forbidden scene");
        assertThat(result.getException()).isInstanceOfSatisfying(SoraJobFailedException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("OutputVideoSensitiveContentDetected"));
    }
}
