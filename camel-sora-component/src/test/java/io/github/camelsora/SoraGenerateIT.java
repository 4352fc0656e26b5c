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

import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraJobFailedException;
import io.github.camelsora.api.SoraTimeoutException;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SoraGenerateIT extends CamelTestSupport {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .apiKey("sk-sim-generate-it")
            .renderTime(Duration.ofSeconds(2))
            .build();

    @TempDir
    static Path output;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SoraComponent sora = TestSora.component(SIM.baseUrl(), SIM.apiKey(), output, 200, 1000);
        context.addComponent("sora", sora);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sora:generate?model=sora-2&size=1280x720&seconds=8");
                from("direct:quick").to("sora:generate?timeout=1s");
                from("direct:wrongKey").to("sora:generate?apiKey=RAW(sk-wrong-key-4711)");
            }
        };
    }

    @Test
    void generatesAPlayableVideoOfTheRequestedSizeAndLength() throws Exception {
        Exchange result = template.request("direct:generate",
                e -> e.getMessage().setBody("A lighthouse in a storm, seen from a boat"));

        assertThat(result.getException()).isNull();
        String videoId = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        File file = result.getMessage().getBody(File.class);
        assertThat(file.toPath()).isEqualTo(output.resolve(videoId + ".mp4"));
        Mp4Assertions.assertPlayableMp4(file, 1280, 720, 8);
        assertThat(result.getMessage().getHeaders())
                .containsEntry(SoraConstants.STATUS, "completed")
                .containsEntry(SoraConstants.MODEL, "sora-2")
                .containsEntry(SoraConstants.SIZE, "1280x720")
                .containsEntry(SoraConstants.SECONDS, "8")
                .containsEntry(Exchange.FILE_NAME, videoId + ".mp4")
                .containsEntry(Exchange.CONTENT_TYPE, "video/mp4");
        assertThat(SIM.simulator().counters(videoId).creates()).isEqualTo(1);
        assertThat(SIM.simulator().counters(videoId).downloads()).isEqualTo(1);
        assertThat(SIM.simulator().counters(videoId).statusReads()).isBetween(1, 10);
        assertThat(output).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void headersOverrideTheEndpointPerMessage() throws Exception {
        Exchange result = template.request("direct:generate", e -> {
            e.getMessage().setBody("ignored, the header wins");
            e.getMessage().setHeader(SoraConstants.PROMPT, "A paper boat on a puddle");
            e.getMessage().setHeader(SoraConstants.SIZE, "720x1280");
            e.getMessage().setHeader(SoraConstants.SECONDS, 4);
        });

        assertThat(result.getException()).isNull();
        Mp4Assertions.assertPlayableMp4(result.getMessage().getBody(File.class), 720, 1280, 4);
    }

    @Test
    void aFailedJobRaisesTheApiErrorCodeWithTheVideoId() {
        SIM.simulator().failWhenPromptContains("[blocked]", "moderation_blocked", "The prompt was blocked");

        Exchange result = template.request("direct:generate", e -> e.getMessage().setBody("[blocked] something"));

        assertThat(result.getException()).isInstanceOfSatisfying(SoraJobFailedException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo("moderation_blocked");
            assertThat(e.getStatus()).isEqualTo("failed");
            assertThat(e.getVideoId()).isNotBlank()
                    .isEqualTo(result.getMessage().getHeader(SoraConstants.VIDEO_ID));
            assertThat(e.getMessage()).contains("The prompt was blocked", e.getVideoId());
        });
        assertThat(output.resolve(result.getMessage().getHeader(SoraConstants.VIDEO_ID) + ".mp4")).doesNotExist();
    }

    @Test
    void aTimeoutReportsTheVideoIdAndNeverResubmits() {
        SIM.simulator().renderTimeWhenPromptContains("[slow]", Duration.ofMinutes(10));
        int createsBefore = SIM.simulator().totalCreates();

        Exchange result = template.request("direct:quick", e -> e.getMessage().setBody("[slow] a glacier melting"));

        assertThat(result.getException()).isInstanceOfSatisfying(SoraTimeoutException.class, e -> {
            assertThat(e.getVideoId()).isNotBlank();
            assertThat(e.getMessage()).contains(e.getVideoId()).contains("not re-submitted");
            assertThat(SIM.simulator().counters(e.getVideoId()).creates()).isEqualTo(1);
            assertThat(SIM.simulator().counters(e.getVideoId()).downloads()).isZero();
        });
        assertThat(SIM.simulator().totalCreates()).isEqualTo(createsBefore + 1);
    }

    @Test
    void invalidParametersAreRejectedBeforeAnythingIsSent() {
        int requestsBefore = SIM.simulator().totalRequests();

        Exchange result = template.request("direct:generate", e -> {
            e.getMessage().setBody("A cat");
            e.getMessage().setHeader(SoraConstants.SECONDS, "5");
        });

        assertThat(result.getException()).isInstanceOfSatisfying(SoraValidationException.class,
                e -> assertThat(e.getParam()).isEqualTo("seconds"));
        assertThat(SIM.simulator().totalRequests()).isEqualTo(requestsBefore);
    }

    @Test
    void theServersValidationErrorIsSurfacedWithStatusParamAndRequestId() {
        Exchange result = template.request("direct:generate", e -> {
            e.getMessage().setBody("A cat");
            e.getMessage().setHeader(SoraConstants.MODEL, "sora-9-imaginary");
        });

        assertThat(result.getException()).isInstanceOfSatisfying(SoraApiException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getParam()).isEqualTo("model");
            assertThat(e.getErrorType()).isEqualTo("invalid_request_error");
            assertThat(e.getRequestId()).startsWith("req_");
            assertThat(e.getVideoId()).isNull();
        });
    }

    @Test
    void aWrongKeyGives401WithoutEchoingTheKey() {
        Exchange result = template.request("direct:wrongKey", e -> e.getMessage().setBody("A cat"));

        assertThat(result.getException()).isInstanceOfSatisfying(SoraApiException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(401);
            assertThat(e.getErrorCode()).isEqualTo("invalid_api_key");
            assertThat(e.getMessage()).doesNotContain("sk-wrong-key-4711");
        });
    }
}
