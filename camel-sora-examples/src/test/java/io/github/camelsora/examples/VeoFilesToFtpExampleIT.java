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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelsora.examples.servers.EmbeddedFtpServer;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Prompt files -> Veo (the simulator's Gemini dialect) -> a real FTP server; the videos are fetched back. */
class VeoFilesToFtpExampleIT {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .dialect(Dialect.GEMINI)
            .apiKey("AIza-example-key")
            .renderTime(Duration.ofSeconds(1))
            .drawPrompt(false)
            .build();

    @TempDir
    Path work;

    @Test
    void promptFilesBecomeVeoVideosOnTheFtpServer() throws Exception {
        Path prompts = Files.createDirectories(work.resolve("prompts"));
        Files.writeString(prompts.resolve("kite.txt"), "A red kite over green hills", StandardCharsets.UTF_8);
        Files.writeString(prompts.resolve("harbour.txt"), "A harbour at dawn, slow pan", StandardCharsets.UTF_8);
        try (EmbeddedFtpServer ftp = new EmbeddedFtpServer("sora", "ftp-secret-2", work.resolve("ftp"));
             CamelContext camel = VeoFilesToFtpExample.start(prompts, VeoFilesToFtpExample.ftpUri(ftp),
                     SIM.baseUrl(), SIM.apiKey(), work.resolve("downloads"))) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(ftp.home().resolve("videos/kite.mp4")).isRegularFile();
                assertThat(ftp.home().resolve("videos/harbour.mp4")).isRegularFile();
            });
            for (String name : new String[] { "kite.mp4", "harbour.mp4" }) {
                Path fetched = work.resolve("fetched-" + name);
                fetch(ftp, "/videos/" + name, fetched);
                VideoChecks.assertValidMp4(fetched, 1280, 720, 8);
            }
            assertThat(SIM.simulator().totalCreates()).isEqualTo(2);
            assertThat(SIM.simulator().createdVideoIds()).allMatch(id ->
                    id.startsWith("models/veo-3.1-fast-generate-preview/operations/"));
        }
    }

    private static void fetch(EmbeddedFtpServer ftp, String remote, Path local) throws Exception {
        FTPClient client = new FTPClient();
        client.connect("127.0.0.1", ftp.port());
        try (OutputStream out = Files.newOutputStream(local)) {
            assertThat(client.login(ftp.user(), ftp.password())).isTrue();
            client.enterLocalPassiveMode();
            client.setFileType(FTP.BINARY_FILE_TYPE);
            assertThat(client.retrieveFile(remote, out)).isTrue();
        } finally {
            client.disconnect();
        }
    }
}
