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
