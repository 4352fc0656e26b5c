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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.activation.DataHandler;

import io.github.camelsora.SoraComponent;
import io.github.camelsora.SoraConstants;
import io.github.camelsora.examples.servers.EmbeddedMailServer;
import io.github.camelsora.examples.servers.EmbeddedS3;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.component.mail.MailConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Prompts arrive by mail in an IMAP mailbox: the body is the prompt (the subject when the body is empty) and an
 * attached image is the reference image (the first frame; it must match the video's size, 1280x720). Each video is stored in the S3 bucket {@code videos} under its video id,
 * and the sender gets a reply with the object's location. When a prompt fails, the reply says why and names the
 * video id, if a job was created.
 * <p>
 * {@link #main} starts GreenMail (SMTP and IMAP), S3Proxy and (without {@code SORA_BASE_URL} and
 * {@code SORA_API_KEY}) the simulator, mails two prompts, and stops once both replies are sent.
 */
public final class MailToS3Example {

    public static final String BUCKET = "videos";
    public static final String STUDIO_ADDRESS = "studio@example.com";

    private MailToS3Example() {
    }

    /** Where the mailbox, the bucket and the outgoing mail server are. */
    public record Endpoints(String imapUri, String smtpUri, String s3Uri, String s3Endpoint) {

        public static Endpoints of(EmbeddedMailServer mail, String mailPassword, EmbeddedS3 s3) {
            return new Endpoints(
                    // peek=false: a mail is marked seen when fetched, so a failure never makes it come back and
                    // be paid for twice; the sender gets a failure reply instead
                    "imap://127.0.0.1:" + mail.imapPort() + "?username=" + STUDIO_ADDRESS + "&password=RAW("
                                 + mailPassword + ")&delete=false&unseen=true&peek=false&initialDelay=0&delay=500",
                    "smtp://127.0.0.1:" + mail.smtpPort() + "?from=" + STUDIO_ADDRESS + headerAddressing(),
                    "aws2-s3://" + BUCKET + "?accessKey=RAW(" + s3.accessKey() + ")&secretKey=RAW(" + s3.secretKey()
                                 + ")&region=us-east-1&overrideEndpoint=true&uriEndpointOverride=" + s3.endpoint()
                                 + "&forcePathStyle=true&autoCreateBucket=true",
                    s3.endpoint().toString());
        }
    }

    /**
     * The reply is addressed by its {@code To} and {@code Subject} headers. Camel 4.18 always reads them; from Camel
     * 4.22 on, the smtp producer reads them only when asked to ({@code useHeaderRecipients}, {@code useHeaderSubject}),
     * options Camel 4.18 does not know and would refuse.
     */
    static String headerAddressing() {
        try {
            MailConfiguration.class.getMethod("setUseHeaderRecipients", boolean.class);
            return "&useHeaderRecipients=true&useHeaderSubject=true";
        } catch (NoSuchMethodException camel418) {
            return "";
        }
    }

    public static RouteBuilder routes(Endpoints endpoints) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true)
                        .log("Mailed prompt failed (video ${header.CamelSoraVideoId}): ${exception.message}")
                        .process(exchange -> reply(exchange, "Your video could not be made",
                                "No video for your prompt: " + exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                                        Exception.class).getMessage()))
                        .to(endpoints.smtpUri());

                from(endpoints.imapUri()).routeId("mail-to-s3")
                        .process(MailToS3Example::promptAndReferenceImage)
                        .log("Prompt from ${exchangeProperty.replyTo}: ${header.CamelSoraPrompt}")
                        .to("sora:generate?model=sora-2&size=1280x720&seconds=4")
                        .setHeader(AWS2S3Constants.KEY, header(SoraConstants.VIDEO_ID))
                        .setHeader(AWS2S3Constants.CONTENT_TYPE, constant("video/mp4"))
                        .to(endpoints.s3Uri())
                        .process(exchange -> {
                            String videoId = exchange.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
                            String location = "s3://" + BUCKET + "/" + videoId;
                            String url = endpoints.s3Endpoint() + "/" + BUCKET + "/" + videoId;
                            reply(exchange, "Your video " + videoId + " is ready", location + "\n" + url + "\n");
                        })
                        .to(endpoints.smtpUri())
                        .log("Replied to ${header.To}: ${header.Subject}");
            }
        };
    }

    /** The prompt from the body (else the subject), the first image attachment as the reference image. */
    static void promptAndReferenceImage(Exchange exchange) throws IOException {
        Message mail = exchange.getMessage();
        exchange.setProperty("replyTo", mail.getHeader("From", String.class));
        String body = mail.getBody(String.class);
        String prompt = body != null && !body.isBlank() ? body.strip() : mail.getHeader("Subject", String.class);
        mail.setHeader(SoraConstants.PROMPT, prompt);
        // camel-attachments adapts the message: ask for the view, an instanceof check would miss it
        AttachmentMessage withAttachments = exchange.getMessage(AttachmentMessage.class);
        if (withAttachments != null && withAttachments.hasAttachments()) {
            for (Map.Entry<String, DataHandler> attachment : withAttachments.getAttachments().entrySet()) {
                String type = attachment.getValue().getContentType();
                if (type != null && type.toLowerCase().startsWith("image/")) {
                    mail.setHeader(SoraConstants.INPUT_REFERENCE, bytes(attachment.getValue()));
                    exchange.setProperty("referenceImage", attachment.getKey());
                    break;
                }
            }
        }
    }

    private static byte[] bytes(DataHandler handler) throws IOException {
        try (InputStream in = handler.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** Replaces the message with a plain-text reply to the original sender. */
    private static void reply(Exchange exchange, String subject, String text) {
        String to = exchange.getProperty("replyTo", String.class);
        String videoId = exchange.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        Message reply = exchange.getMessage();
        // inbound mail headers (Cc, Message-ID, ...) must not leak into the reply
        reply.removeHeaders("*");
        reply.setHeader("To", to);
        reply.setHeader("Subject", subject);
        if (videoId != null) {
            reply.setHeader("X-Sora-Video-Id", videoId);
        }
        AttachmentMessage withAttachments = exchange.getMessage(AttachmentMessage.class);
        if (withAttachments != null && withAttachments.hasAttachments()) {
            new ArrayList<>(withAttachments.getAttachmentNames()).forEach(withAttachments::removeAttachment);
        }
        reply.setBody(text);
    }

    public static CamelContext start(Endpoints endpoints, String soraBaseUrl, String soraApiKey, Path downloads)
            throws Exception {
        CamelContext camel = new DefaultCamelContext();
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setBaseUrl(soraBaseUrl);
        sora.getConfiguration().setApiKey(soraApiKey);
        sora.getConfiguration().setOutputDirectory(downloads.toString());
        sora.getConfiguration().setPollDelay(1000);
        camel.addComponent("sora", sora);
        camel.addRoutes(routes(endpoints));
        camel.start();
        return camel;
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("camel-sora-mail-s3");
        String mailPassword = "studio-mail-secret";
        boolean done;
        try (EmbeddedMailServer mail = new EmbeddedMailServer();
             EmbeddedS3 s3 = new EmbeddedS3("sora-access", "sora-s3-secret");
             Provider provider = Provider.fromEnvironmentOrSimulator()) {
            mail.addUser(STUDIO_ADDRESS, mailPassword);
            Endpoints endpoints = Endpoints.of(mail, mailPassword, s3);
            System.out.println("IMAP 127.0.0.1:" + mail.imapPort() + ", SMTP 127.0.0.1:" + mail.smtpPort() + ", S3 "
                               + s3.endpoint() + ", videos API " + provider.baseUrl());
            try (CamelContext camel = start(endpoints, provider.baseUrl(), provider.apiKey(),
                    work.resolve("downloads"))) {
                NotifyBuilder replied = new NotifyBuilder(camel).fromRoute("mail-to-s3").whenDone(2).create();
                com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail(STUDIO_ADDRESS, "director@example.com",
                        "A lighthouse at dusk", "", mail.greenMail().getSmtp().getServerSetup());
                com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail(STUDIO_ADDRESS, "director@example.com",
                        "Second idea", "Snow falling on a quiet street, slow dolly in",
                        mail.greenMail().getSmtp().getServerSetup());
                done = replied.matches(provider.maxWait().toMillis(), TimeUnit.MILLISECONDS);
                System.out.println(done ? "Both prompts handled." : "Gave up waiting; jobs already submitted go on.");
            }
            for (var message : mail.greenMail().getReceivedMessagesForDomain("director@example.com")) {
                System.out.println("  reply: " + message.getSubject() + "\n    "
                                   + message.getContent().toString().strip().replace("\n", "\n    "));
            }
        }
        // the servers' pools would keep the JVM alive
        System.exit(done ? 0 : 1);
    }
}
