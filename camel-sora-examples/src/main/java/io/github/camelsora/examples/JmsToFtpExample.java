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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.jms.ConnectionFactory;

import io.github.camelsora.SoraComponent;
import io.github.camelsora.SoraConstants;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.examples.servers.EmbeddedBroker;
import io.github.camelsora.examples.servers.EmbeddedFtpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Prompts arrive as text messages on the JMS queue {@code prompts} (ActiveMQ Artemis); each becomes an MP4 uploaded
 * to an FTP server as {@code videos/<videoId>.mp4}. A prompt that fails goes to {@code prompts.failed} with the
 * video id (if a job was created) and the reason, so a paid job is never lost from sight.
 * <p>
 * {@link #main} starts an embedded Artemis broker, an embedded Apache FtpServer and (without {@code SORA_BASE_URL}
 * and {@code SORA_API_KEY}) the simulator, sends three prompts, and stops once the three videos are on the server.
 */
public final class JmsToFtpExample {

    public static final String PROMPTS_QUEUE = "prompts";
    public static final String FAILED_QUEUE = "prompts.failed";
    /** The JMS property of a failed prompt that holds the video id, when a job was created. */
    public static final String FAILED_VIDEO_ID = "SoraVideoId";

    private JmsToFtpExample() {
    }

    /** The routes: {@code ftpUri} is the target folder, e.g. {@code ftp://user@host:port/videos?password=...}. */
    public static RouteBuilder routes(String ftpUri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(SoraException.class).handled(true)
                        .log("Prompt failed (video ${header.CamelSoraVideoId}): ${exception.message}")
                        .setBody(simple("${exception.message}"))
                        // camel-jms keeps Camel* headers inside Camel: give the id a JMS property of its own
                        .setHeader(FAILED_VIDEO_ID, header(SoraConstants.VIDEO_ID))
                        .to("jms:queue:" + FAILED_QUEUE);

                // asyncConsumer: the listener thread is not held while the video renders
                from("jms:queue:" + PROMPTS_QUEUE + "?concurrentConsumers=2&asyncConsumer=true")
                        .routeId("jms-to-ftp")
                        .log("Prompt from JMS: ${body}")
                        .to("sora:generate?model=sora-2&size=1280x720&seconds=4")
                        // CamelFileName is <videoId>.mp4; the temp-prefix upload makes the file appear whole
                        .to(ftpUri)
                        .log("Uploaded ${header.CamelFileName} to FTP");
            }
        };
    }

    /** A started Camel context with the JMS component on {@code broker} and the sora component on the server. */
    public static CamelContext start(ConnectionFactory broker, String ftpUri, String soraBaseUrl, String soraApiKey,
                                     Path downloads) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("jms", JmsComponent.jmsComponentAutoAcknowledge(broker));
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setBaseUrl(soraBaseUrl);
        sora.getConfiguration().setApiKey(soraApiKey);
        sora.getConfiguration().setOutputDirectory(downloads.toString());
        sora.getConfiguration().setPollDelay(1000);
        camel.addComponent("sora", sora);
        camel.addRoutes(routes(ftpUri));
        camel.start();
        return camel;
    }

    /** The camel-ftp URI of the {@code videos} folder of the FTP user. */
    public static String ftpUri(EmbeddedFtpServer ftp) {
        return "ftp://" + ftp.user() + "@127.0.0.1:" + ftp.port() + "/videos?password=RAW(" + ftp.password()
               + ")&binary=true&passiveMode=true&tempPrefix=.uploading-";
    }

    public static void main(String[] args) throws Exception {
        List<String> prompts = List.of("A red kite over green hills", "Rain on a tin roof, close up",
                "A night market with lanterns, slow pan");
        Path work = Files.createTempDirectory("camel-sora-jms-ftp");
        boolean done;
        try (EmbeddedBroker broker = new EmbeddedBroker();
             EmbeddedFtpServer ftp = new EmbeddedFtpServer("sora", "sora-ftp-secret", work.resolve("ftp-home"));
             Provider provider = Provider.fromEnvironmentOrSimulator()) {
            System.out.println("Artemis broker: vm://0, FTP server: ftp://127.0.0.1:" + ftp.port() + ", videos API: "
                               + provider.baseUrl());
            try (CamelContext camel = start(broker.connectionFactory(), ftpUri(ftp), provider.baseUrl(),
                    provider.apiKey(), work.resolve("downloads"))) {
                NotifyBuilder uploaded = new NotifyBuilder(camel).fromRoute("jms-to-ftp").whenDone(prompts.size())
                        .create();
                ProducerTemplate template = camel.createProducerTemplate();
                prompts.forEach(prompt -> template.sendBody("jms:queue:" + PROMPTS_QUEUE, prompt));
                done = uploaded.matches(provider.maxWait().toMillis(), TimeUnit.MILLISECONDS);
                System.out.println(done ? "All prompts handled." : "Gave up waiting; jobs already submitted go on.");
            }
            try (var files = Files.list(ftp.home().resolve("videos"))) {
                files.forEach(f -> System.out.println("  on the FTP server: /videos/" + f.getFileName() + " ("
                                                      + f.toFile().length() / 1024 + " KiB)"));
            }
        }
        // the broker's and FTP server's pools would keep the JVM alive
        System.exit(done ? 0 : 1);
    }
}
