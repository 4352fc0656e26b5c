package io.github.camelsora.examples.validate;

import org.apache.camel.builder.RouteBuilder;

/**
 * Routes that are only read, never run: camel-report-maven-plugin's {@code validate} goal checks their sora: URIs
 * in every build of this module (execution {@code validate-routes}; see docs/user-guide.md, "Camel tooling").
 */
public class SoraRoutesToValidate extends RouteBuilder {

    @Override
    public void configure() {
        from("file:prompts?include=.*\\.txt")
                .to("sora:generate?model=sora-2-pro&size=1280x720&seconds=8&pollDelay=5s&completion=poll")
                .to("file:videos");

        from("sora:webhook?webhookPath=/sora/events&download=true")
                .to("file:videos");

        from("sora:videos?pageSize=50&delay=30000")
                .log("${header.CamelSoraVideoId}");

        from("timer:status?period=60000")
                .setHeader("CamelSoraVideoId", constant("video_123"))
                .to("sora:retrieve?provider=azure&baseUrl=https://example.openai.azure.com/openai/v1");
    }
}
