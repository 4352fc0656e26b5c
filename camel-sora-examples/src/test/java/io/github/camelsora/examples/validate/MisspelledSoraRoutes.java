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
 * Deliberately wrong sora: URIs, only read, never run: what camel-report-maven-plugin's {@code validate} goal reports
 * for them ({@code mvn -Pvalidate-misspelled ...}, docs/user-guide.md, "Camel tooling"; SoraUriValidationTest).
 */
public class MisspelledSoraRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("file:prompts")
                .to("sora:generate?secnds=8")
                .to("sora:generate?completion=sometimes")
                .to("sora:generate?maxConcurrentJobs=many")
                .to("sora:render");
    }
}
