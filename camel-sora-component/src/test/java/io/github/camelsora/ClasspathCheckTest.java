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

import io.github.camelsora.ClasspathCheck.Versions;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The start-up check of the Jackson and HttpClient 5 versions, as a function of the versions. */
class ClasspathCheckTest {

    private static Versions versions(String core, String databind, String annotations,
                                     String httpcore5, String h2, String httpclient5) {
        return new Versions(core, databind, annotations, httpcore5, h2, httpclient5);
    }

    private static final Versions GOOD = versions("2.19.4", "2.19.4", "2.19.4", "5.3.6", "5.3.6", "5.5.1");

    @Test
    void consistentVersionsPass() {
        assertThat(ClasspathCheck.problems(GOOD)).isEmpty();
        // newer core and annotations (2.20+ annotations drop the patch number), newer httpcore5 patch: fine
        assertThat(ClasspathCheck.problems(versions("2.20.1", "2.19.4", "2.21", "5.3.4", "5.3.4", "5.5.1"))).isEmpty();
        // Jackson 2.20+: annotations versioned on their own; 2.21 annotations with databind 2.22.1 (Camel 4.22's
        // line, with the AWS SDK) is a consistent set
        assertThat(ClasspathCheck.problems(versions("2.22.1", "2.22.1", "2.21", "5.3.6", "5.3.6", "5.5.1"))).isEmpty();
        assertThat(ClasspathCheck.problems(versions("2.22.1", "2.22.1", "2.19.4", "5.3.6", "5.3.6", "5.5.1")))
                .singleElement().asString().contains("jackson-annotations 2.19.4");
        // httpcore5 present in a jar that does not say its version: not checked
        assertThat(ClasspathCheck.problems(versions("2.19.4", "2.19.4", null, ClasspathCheck.UNKNOWN, null, null)))
                .isEmpty();
    }

    @Test
    void theJacksonCoreThatVertxBringsIsNamedWithItsFix() {
        // camel-bom 4.18.0 + camel-main + camel-platform-http-main + camel-sora, before camel-sora declared jackson-core
        assertThat(ClasspathCheck.problems(versions("2.16.1", "2.19.4", "2.19.4", "5.3.6", "5.3.6", "5.5.1")))
                .singleElement().asString()
                .contains("com.fasterxml.jackson.core:jackson-core 2.16.1")
                .contains("com.fasterxml.jackson.core:jackson-databind 2.19.4")
                .contains("getNumberTypeFP")
                .contains("declare jackson-core 2.19.4");
    }

    @Test
    void olderAnnotationsAndAnOldDatabindAreNamed() {
        assertThat(ClasspathCheck.problems(versions("2.19.4", "2.19.4", "2.15.0", "5.3.6", "5.3.6", "5.5.1")))
                .singleElement().asString().contains("jackson-annotations 2.15.0");
        assertThat(ClasspathCheck.problems(versions("2.17.2", "2.17.2", "2.17.2", "5.3.6", "5.3.6", "5.5.1")))
                .singleElement().asString().contains("jackson-databind 2.17.2 is older than the 2.19.x");
    }

    @Test
    void httpcore5MissingTooOldOrOfAnotherLineThanItsH2IsNamed() {
        assertThat(ClasspathCheck.problems(versions("2.19.4", "2.19.4", "2.19.4", null, null, "5.5.1")))
                .singleElement().asString().contains("org.apache.httpcomponents.core5:httpcore5 is missing");
        assertThat(ClasspathCheck.problems(versions("2.19.4", "2.19.4", "2.19.4", "5.2.5", "5.2.5", "5.5.1")))
                .singleElement().asString()
                .contains("httpcore5 5.2.5 is older than the 5.3.x")
                .contains("httpclient5 5.5.1");
        assertThat(ClasspathCheck.problems(versions("2.19.4", "2.19.4", "2.19.4", "5.3.6", "5.2.1", "5.5.1")))
                .singleElement().asString().contains("httpcore5-h2 5.2.1");
        assertThat(ClasspathCheck.neededHttpcore5("5.3.1")).isEqualTo("5.2");
        assertThat(ClasspathCheck.neededHttpcore5("5.6")).isEqualTo(ClasspathCheck.BUILT_WITH_HTTPCORE5);
    }

    @Test
    void severalProblemsAreAllReported() {
        assertThat(ClasspathCheck.problems(versions("2.16.1", "2.19.4", "2.12.0", null, null, null))).hasSize(3);
    }

    @Test
    void thisBuildsClasspathPassesAndMatchesTheVersionsTheCheckIsBuiltFor() {
        Versions found = ClasspathCheck.found();
        assertThat(ClasspathCheck.problems(found)).isEmpty();
        // every Camel line the project builds on (4.18: Jackson 2.19, httpcore5 5.3; 4.22: newer) is at least what
        // the check is built for; a line below it fails here
        assertThat(ClasspathCheck.compareMinor(found.jacksonDatabind(), ClasspathCheck.BUILT_WITH_JACKSON))
                .isGreaterThanOrEqualTo(0);
        assertThat(ClasspathCheck.compareMinor(found.httpcore5(), ClasspathCheck.BUILT_WITH_HTTPCORE5))
                .isGreaterThanOrEqualTo(0);
        assertThat(found.jacksonCore()).isEqualTo(found.jacksonDatabind());
        assertThat(found.httpcore5H2()).isEqualTo(found.httpcore5());
        assertThat(found.httpclient5()).isNotNull();
    }

    @Test
    void aComponentStartsOnThisClasspathWithTheCheckPassing() {
        assertThatCode(() -> {
            try (DefaultCamelContext camel = new DefaultCamelContext()) {
                camel.start();
                camel.getComponent("sora", SoraComponent.class).start();
            }
        }).doesNotThrowAnyException();
    }
}
