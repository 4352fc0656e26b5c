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
package io.github.camelsora.examples.springboot;

import java.util.Map;

import io.github.camelsora.SoraConstants;
import io.github.camelsora.api.SoraBudgetExceededException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /videos} with the prompt as the body answers {@code 202 {"videoId": ..., "status": "queued"}} as soon
 * as the job exists; a second route awaits the job and delivers the MP4 to the folder {@code studio.videos-folder}
 * as {@code <videoId>.mp4}. Errors answer with a status that says whose mistake it was, and the video id whenever a
 * job exists. Deliveries pending in the in-memory seda queue are lost on restart; the ids are in the answers and
 * the log, so {@code sora:download} can fetch them later.
 */
@Component
public class VideoStudioRoutes extends RouteBuilder {

    @Override
    public void configure() {
        onException(SoraValidationException.class).handled(true)
                .process(exchange -> error(exchange, 400));
        onException(SoraBudgetExceededException.class).handled(true)
                .process(exchange -> error(exchange, 429));
        onException(SoraException.class).handled(true)
                .process(exchange -> error(exchange, 502));

        // answers as soon as the job exists: 202 with its id; the render goes on without this request
        from("platform-http:/videos?httpMethodRestrict=POST&produces=application/json").routeId("studio-http")
                .convertBodyTo(String.class)
                .log("Prompt received over HTTP: ${body}")
                .to("sora:create")
                .wireTap("seda:deliver")
                .process(exchange -> {
                    String videoId = exchange.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
                    String status = exchange.getMessage().getHeader(SoraConstants.STATUS, String.class);
                    exchange.getMessage().removeHeaders("*");
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
                    exchange.getMessage().setBody(Map.of("videoId", videoId, "status", status));
                })
                .marshal().json();

        // waits for the job without a thread, downloads it and delivers it to the folder as <videoId>.mp4
        from("seda:deliver?concurrentConsumers=4").routeId("studio-deliver")
                .onException(SoraException.class).handled(true)
                    .log(LoggingLevel.ERROR, "Video ${header.CamelSoraVideoId} not delivered: ${exception.message}")
                .end()
                .to("sora:await")
                .choice()
                    .when(header(SoraConstants.STATUS).isEqualTo("completed"))
                        .to("sora:download")
                        // written under a temporary name, renamed when complete
                        .to("file:{{studio.videos-folder}}?tempPrefix=.part-")
                        .log("Delivered ${header.CamelFileName} to {{studio.videos-folder}}")
                    .otherwise()
                        .log(LoggingLevel.WARN, "Video ${header.CamelSoraVideoId} ended ${header.CamelSoraStatus}:"
                                                + " nothing to deliver")
                .end();
    }

    private static void error(Exchange exchange, int status) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String videoId = error instanceof SoraException sora ? sora.getVideoId() : null;
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody("{\"error\":" + quote(error.getMessage())
                                      + (videoId == null ? "" : ",\"videoId\":" + quote(videoId)) + "}");
    }

    private static String quote(String text) {
        return "\"" + String.valueOf(text).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
