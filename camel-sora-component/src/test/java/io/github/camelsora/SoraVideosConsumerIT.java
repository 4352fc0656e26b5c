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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camelsora.api.ClientSettings;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoRequest;
import io.github.camelsora.api.VideosClient;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SoraVideosConsumerIT extends CamelTestSupport {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey("sk-sim-videos-it")
            .renderTime(Duration.ofMillis(800))
            .resetBeforeEach(true)
            .build();

    @TempDir
    static Path output;

    private VideosClient videos;

    @BeforeEach
    void client() {
        videos = new VideosClient(ClientSettings.bearer(SIM.baseUrl(), SIM.apiKey()));
    }

    @AfterEach
    void closeClient() {
        videos.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("sora", component());
        return context;
    }

    private static SoraComponent component() {
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setBaseUrl(SIM.baseUrl());
        sora.getConfiguration().setApiKey(SIM.apiKey());
        sora.getConfiguration().setOutputDirectory(output.toString());
        return sora;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sora:videos?delay=200&initialDelay=0&pageSize=2").routeId("videos").autoStartup(false)
                        .to("mock:videos");
                from("sora:videos?delay=200&initialDelay=0&download=true").routeId("downloads").autoStartup(false)
                        .to("mock:downloads");
            }
        };
    }

    @Test
    void emitsEachFinishedJobOnceAcrossPages() throws Exception {
        SIM.simulator().failWhenPromptContains("[blocked]", "moderation_blocked", "Blocked by moderation.");
        SIM.simulator().renderTimeWhenPromptContains("[slow]", Duration.ofMinutes(10));
        String first = create("One");
        String second = create("Two");
        String failed = create("Three [blocked]");
        String slow = create("Four [slow]");
        MockEndpoint mock = getMockEndpoint("mock:videos");
        mock.expectedMessageCount(3);

        context.getRouteController().startRoute("videos");
        mock.assertIsSatisfied(10_000);
        // later polls list the same jobs again (over two pages of 2) and emit nothing more
        int polls = SIM.simulator().totalRequests();
        await().atMost(Duration.ofSeconds(10)).until(() -> SIM.simulator().totalRequests() >= polls + 6);
        mock.assertIsSatisfied();

        Map<String, Exchange> byId = mock.getReceivedExchanges().stream().collect(Collectors.toMap(
                e -> e.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class), e -> e));
        assertThat(byId).containsOnlyKeys(first, second, failed).doesNotContainKey(slow);
        assertThat(byId.get(first).getMessage().getBody(Video.class).status()).isEqualTo("completed");
        assertThat(byId.get(first).getMessage().getHeaders()).containsEntry(SoraConstants.STATUS, "completed")
                .containsEntry(SoraConstants.SIZE, "720x1280");
        Video failure = byId.get(failed).getMessage().getBody(Video.class);
        assertThat(failure.error().code()).isEqualTo("moderation_blocked");
        // listing is not reading a status
        assertThat(SIM.simulator().totalStatusReads()).isZero();
    }

    @Test
    void downloadsTheVideoOfACompletedJob() throws Exception {
        String videoId = create("A sail at dawn");
        MockEndpoint mock = getMockEndpoint("mock:downloads");
        mock.expectedMessageCount(1);

        context.getRouteController().startRoute("downloads");

        mock.assertIsSatisfied(10_000);
        Exchange received = mock.getReceivedExchanges().get(0);
        File file = received.getMessage().getBody(File.class);
        assertThat(file.toPath()).isEqualTo(output.resolve(videoId + ".mp4"));
        Mp4Assertions.assertPlayableMp4(file, 720, 1280, 4);
        assertThat(received.getMessage().getHeaders()).containsEntry(Exchange.FILE_NAME, videoId + ".mp4")
                .containsEntry(SoraConstants.VIDEO_ID, videoId);
        assertThat(SIM.simulator().counters(videoId).downloads()).isEqualTo(1);
    }

    @Test
    void underMasterOnlyOneNodeOfTheClusterPolls(@TempDir Path clusterRoot) throws Exception {
        create("Clustered one");
        create("Clustered two");
        List<CamelContext> nodes = new ArrayList<>();
        try {
            for (int node = 1; node <= 2; node++) {
                CamelContext camel = new DefaultCamelContext();
                FileLockClusterService cluster = new FileLockClusterService();
                cluster.setId("node-" + node);
                cluster.setRoot(clusterRoot.toString());
                cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
                cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
                camel.addService(cluster);
                camel.addComponent("sora", component());
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("master:sora-videos:sora:videos?delay=200&initialDelay=0").to("mock:node");
                    }
                });
                camel.start();
                nodes.add(camel);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> received(nodes.get(0)) + received(nodes.get(1)) >= 2);
            // a few more polls by the leader: still one emission per job in the whole cluster
            int requests = SIM.simulator().totalRequests();
            await().atMost(Duration.ofSeconds(10)).until(() -> SIM.simulator().totalRequests() >= requests + 3);
            assertThat(received(nodes.get(0)) + received(nodes.get(1))).isEqualTo(2);
            assertThat(List.of(received(nodes.get(0)), received(nodes.get(1)))).contains(0);
        } finally {
            for (CamelContext camel : nodes) {
                camel.stop();
            }
        }
    }

    private static int received(CamelContext camel) {
        return camel.getEndpoint("mock:node", MockEndpoint.class).getReceivedCounter();
    }

    private String create(String prompt) throws Exception {
        return videos.create(new VideoRequest(prompt, "sora-2", "4", "720x1280")).get(10, TimeUnit.SECONDS).value().id();
    }
}
