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

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.camelsora.examples.servers.EmbeddedMailServer;
import io.github.camelsora.examples.servers.EmbeddedS3;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** IMAP mailbox on GreenMail -> sora -> S3Proxy, with a reply mail; the video is fetched back from S3. */
class MailToS3ExampleIT {

    private static final String DIRECTOR = "director@example.com";
    private static final String PASSWORD = "studio-secret-7";

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ofSeconds(1))
            .build();

    @TempDir
    Path work;

    @Test
    void mailedPromptsBecomeVideosInTheBucketAndTheSenderGetsTheirLocation() throws Exception {
        try (EmbeddedMailServer mail = new EmbeddedMailServer();
             EmbeddedS3 s3 = new EmbeddedS3("it-access", "it-s3-secret")) {
            mail.addUser(MailToS3Example.STUDIO_ADDRESS, PASSWORD);
            try (CamelContext camel = MailToS3Example.start(MailToS3Example.Endpoints.of(mail, PASSWORD, s3),
                    SIM.baseUrl(), SIM.apiKey(), work.resolve("downloads"));
                 S3Client client = s3Client(s3)) {
                // a prompt in the subject only, and one in the body with a reference image attached
                GreenMailUtil.sendTextEmail(MailToS3Example.STUDIO_ADDRESS, DIRECTOR, "A lighthouse at dusk", "",
                        mail.greenMail().getSmtp().getServerSetup());
                GreenMailUtil.sendAttachmentEmail(MailToS3Example.STUDIO_ADDRESS, DIRECTOR, "With a reference",
                        "Snow falling on a quiet street", png(1280, 720), "image/png", "reference.png",
                        "the first frame", mail.greenMail().getSmtp().getServerSetup());

                // an attachment that claims to be a PNG but is not one: refused before anything is sent
                GreenMailUtil.sendAttachmentEmail(MailToS3Example.STUDIO_ADDRESS, DIRECTOR, "Broken reference",
                        "A harbour at dawn", "not an image".getBytes(), "image/png", "broken.png",
                        "a broken image", mail.greenMail().getSmtp().getServerSetup());

                await().atMost(Duration.ofSeconds(60)).until(() -> replies(mail).size() == 3);

                assertThat(SIM.simulator().totalCreates()).isEqualTo(2);
                List<MimeMessage> refused = replies(mail).stream().filter(m -> subject(m).contains("could not"))
                        .toList();
                assertThat(refused).hasSize(1);
                assertThat(GreenMailUtil.getBody(refused.get(0))).contains("input_reference");
                for (MimeMessage reply : replies(mail).stream().filter(m -> !refused.contains(m)).toList()) {
                    String videoId = reply.getHeader("X-Sora-Video-Id")[0];
                    assertThat(reply.getSubject()).isEqualTo("Your video " + videoId + " is ready");
                    String text = GreenMailUtil.getBody(reply);
                    assertThat(text).contains("s3://videos/" + videoId)
                            .contains(s3.endpoint() + "/videos/" + videoId);
                    assertThat(SIM.simulator().createdVideoIds()).contains(videoId);

                    HeadObjectResponse head = client.headObject(b -> b.bucket("videos").key(videoId));
                    assertThat(head.contentType()).isEqualTo("video/mp4");
                    Path fetched = work.resolve(videoId + ".mp4");
                    client.getObject(b -> b.bucket("videos").key(videoId), ResponseTransformer.toFile(fetched));
                    VideoChecks.assertValidMp4(fetched, 1280, 720, 4);
                }
                // each prompt went out as written: the subject for the first, the body for the second
                List<String> prompts = SIM.simulator().createdVideoIds().stream().map(MailToS3ExampleIT::prompt)
                        .toList();
                assertThat(prompts).containsExactlyInAnyOrder("A lighthouse at dusk",
                        "Snow falling on a quiet street");
            }
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<MimeMessage> replies(EmbeddedMailServer mail) {
        return Arrays.stream(mail.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(DIRECTOR));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The prompt the server got for a video, as the API reports it. */
    private static String prompt(String videoId) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(SIM.baseUrl() + "/videos/" + videoId))
                            .header("Authorization", "Bearer " + SIM.apiKey()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(response.body()).path("prompt").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static S3Client s3Client(EmbeddedS3 s3) {
        return S3Client.builder()
                .endpointOverride(URI.create(s3.endpoint().toString()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .build();
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 60, 120));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 3, height / 3, width / 3, height / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
