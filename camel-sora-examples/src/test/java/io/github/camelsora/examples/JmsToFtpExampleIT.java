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
package io.github.camelsora.examples;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.github.camelsora.examples.servers.EmbeddedBroker;
import io.github.camelsora.examples.servers.EmbeddedFtpServer;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** JMS queue on a real Artemis broker -> sora -> a real FTP server; the videos are fetched back over FTP. */
class JmsToFtpExampleIT {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ofSeconds(1))
            .build();

    @TempDir
    Path work;

    @Test
    void promptsOnTheQueueBecomeVideosOnTheFtpServer() throws Exception {
        SIM.simulator().failWhenPromptContains("[moderate]", "moderation_blocked", "Blocked by moderation.");
        try (EmbeddedBroker broker = new EmbeddedBroker();
             EmbeddedFtpServer ftp = new EmbeddedFtpServer("sora", "ftp-secret-1", work.resolve("ftp"));
             CamelContext camel = JmsToFtpExample.start(broker.connectionFactory(), JmsToFtpExample.ftpUri(ftp),
                     SIM.baseUrl(), SIM.apiKey(), work.resolve("downloads"))) {
            ProducerTemplate template = camel.createProducerTemplate();
            template.sendBody("jms:queue:prompts", "A red kite over green hills");
            template.sendBody("jms:queue:prompts", "Rain on a tin roof");
            template.sendBody("jms:queue:prompts", "[moderate] something not allowed");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(listVideos(ftp)).hasSize(2));
            assertThat(SIM.simulator().totalCreates()).isEqualTo(3);
            List<String> videoIds = SIM.simulator().createdVideoIds();

            for (String name : listVideos(ftp)) {
                assertThat(videoIds).contains(name.substring(0, name.length() - ".mp4".length()));
                Path fetched = work.resolve("fetched-" + name);
                fetch(ftp, "/videos/" + name, fetched);
                VideoChecks.assertValidMp4(fetched, 1280, 720, 4);
            }

            // the failed prompt is not lost: it is on prompts.failed with its video id and reason
            ConsumerTemplate consumer = camel.createConsumerTemplate();
            Exchange failed = consumer.receive("jms:queue:prompts.failed", 10_000);
            assertThat(failed).isNotNull();
            assertThat(failed.getMessage().getBody(String.class)).contains("moderation_blocked");
            assertThat(failed.getMessage().getHeader(JmsToFtpExample.FAILED_VIDEO_ID, String.class)).isIn(videoIds);
        }
    }

    private static List<String> listVideos(EmbeddedFtpServer ftp) throws Exception {
        FTPClient client = login(ftp);
        try {
            FTPFile[] files = client.listFiles("/videos");
            return Arrays.stream(files).map(FTPFile::getName).filter(n -> n.endsWith(".mp4") && !n.startsWith("."))
                    .sorted().toList();
        } finally {
            client.disconnect();
        }
    }

    private static void fetch(EmbeddedFtpServer ftp, String remote, Path local) throws Exception {
        FTPClient client = login(ftp);
        try (OutputStream out = Files.newOutputStream(local)) {
            assertThat(client.retrieveFile(remote, out)).isTrue();
        } finally {
            client.disconnect();
        }
    }

    private static FTPClient login(EmbeddedFtpServer ftp) throws Exception {
        FTPClient client = new FTPClient();
        client.connect("127.0.0.1", ftp.port());
        assertThat(client.login(ftp.user(), ftp.password())).isTrue();
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        return client;
    }
}
