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

import java.nio.file.Path;

import io.github.camelsora.SoraComponent;
import io.github.camelsora.examples.servers.EmbeddedFtpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Prompt files -> Veo through the Gemini API ({@code provider=gemini}) -> an FTP server, in the Java DSL. Each text
 * file in the prompts folder becomes an 8-second 720p Veo 3.1 Fast video uploaded as {@code videos/<name>.mp4}; the
 * file's path and timestamp are its idempotency key, so a file picked up again after a crash resumes its operation
 * instead of paying twice. The Gemini key travels only as {@code x-goog-api-key}, and only to Google's API host.
 * The operation name has slashes, so the MP4 is named by the prompt file instead ({@code CamelFileName}).
 */
public final class VeoFilesToFtpExample {

    private VeoFilesToFtpExample() {
    }

    /** The route: {@code promptsDir} is read (files moved to .done), {@code ftpUri} is the target folder. */
    public static RouteBuilder routes(Path promptsDir, String ftpUri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + promptsDir + "?include=.*\\.txt&move=.done")
                        .routeId("veo-files-to-ftp")
                        .setHeader("PromptName", simple("${file:onlyname.noext}"))
                        .to("sora:generate?provider=gemini&model=veo-3.1-fast-generate-preview&size=1280x720"
                            + "&seconds=8&negativePrompt=text overlays, watermarks")
                        .setHeader("CamelFileName", simple("${header.PromptName}.mp4"))
                        .to(ftpUri)
                        .log("Veo video ${header.CamelSoraVideoId} uploaded as ${header.CamelFileName}");
            }
        };
    }

    /** A started Camel context with the sora component on a Gemini API base URL and key. */
    public static CamelContext start(Path promptsDir, String ftpUri, String geminiBaseUrl, String geminiKey,
                                     Path downloads) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        SoraComponent sora = new SoraComponent();
        sora.getConfiguration().setBaseUrl(geminiBaseUrl);
        sora.getConfiguration().setApiKey(geminiKey);
        sora.getConfiguration().setOutputDirectory(downloads.toString());
        sora.getConfiguration().setPollDelay(1000);
        camel.addComponent("sora", sora);
        camel.addRoutes(routes(promptsDir, ftpUri));
        camel.start();
        return camel;
    }

    /** The camel-ftp URI of the {@code videos} folder of the FTP user. */
    public static String ftpUri(EmbeddedFtpServer ftp) {
        return JmsToFtpExample.ftpUri(ftp);
    }
}
