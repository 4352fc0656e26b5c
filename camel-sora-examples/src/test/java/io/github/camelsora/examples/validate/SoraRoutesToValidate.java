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
