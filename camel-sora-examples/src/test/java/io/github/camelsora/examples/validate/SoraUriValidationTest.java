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

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.suggest.CatalogSuggestionStrategy;
import org.apache.camel.parser.RouteBuilderParser;
import org.apache.camel.parser.model.CamelEndpointDetails;
import org.jboss.forge.roaster.Roaster;
import org.jboss.forge.roaster.model.source.JavaClassSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What camel-report-maven-plugin's {@code validate} goal (4.18) does with a route file, step by step: Roaster parses
 * the source, {@link RouteBuilderParser} finds the endpoint URIs, and a {@link DefaultCamelCatalog} set up as the
 * goal sets it up (schema resolver on the plugin's class loader, {@link CatalogSuggestionStrategy}) validates each.
 * With camel-sora on that class loader, sora: URIs are validated instead of being skipped as an unknown component.
 * The goal itself runs on {@link SoraRoutesToValidate} in every build of this module, and on
 * {@link MisspelledSoraRoutes} with {@code -Pvalidate-misspelled} (where it fails the build).
 */
class SoraUriValidationTest {

    private static final File SOURCES = new File("src/test/java/io/github/camelsora/examples/validate");

    @Test
    void theValidRoutesPassWithNoUnknownComponent() throws Exception {
        Map<String, EndpointValidationResult> results = validate("SoraRoutesToValidate.java");
        assertThat(results.keySet()).filteredOn(uri -> uri.startsWith("sora:")).hasSize(4);
        assertThat(results).allSatisfy((uri, result) -> {
            assertThat(result.getUnknownComponent()).as(uri).isNull();
            assertThat(result.isSuccess()).as(uri + ": " + result.summaryErrorMessage(false)).isTrue();
        });
    }

    @Test
    void theMisspelledRoutesFailWithWhatIsWrongAndASuggestion() throws Exception {
        Map<String, EndpointValidationResult> results = validate("MisspelledSoraRoutes.java");
        Map<String, EndpointValidationResult> sora = new LinkedHashMap<>(results);
        sora.keySet().removeIf(uri -> !uri.startsWith("sora:"));
        assertThat(sora).hasSize(4).allSatisfy((uri, result) -> {
            assertThat(result.getUnknownComponent()).as(uri).isNull();
            assertThat(result.isSuccess()).as(uri).isFalse();
        });

        EndpointValidationResult typo = sora.get("sora:generate?secnds=8");
        assertThat(typo.getUnknown()).containsExactly("secnds");
        assertThat(typo.getUnknownSuggestions().get("secnds")).contains("seconds");
        assertThat(typo.summaryErrorMessage(false)).contains("secnds").contains("Did you mean: [seconds");

        assertThat(sora.get("sora:generate?completion=sometimes").getInvalidEnum()).containsKey("completion");
        assertThat(sora.get("sora:generate?maxConcurrentJobs=many").getInvalidInteger())
                .containsKey("maxConcurrentJobs");
        assertThat(sora.get("sora:render").getInvalidEnum()).containsKey("operation");
    }

    /** The endpoint URIs of one route file and their validation results, in the order of the file. */
    private static Map<String, EndpointValidationResult> validate(String fileName) throws Exception {
        File file = new File(SOURCES, fileName);
        JavaClassSource clazz = (JavaClassSource) Roaster.parse(file);
        List<CamelEndpointDetails> endpoints = new ArrayList<>();
        List<String> unparsable = new ArrayList<>();
        RouteBuilderParser.parseRouteBuilderEndpoints(clazz, ".", file.getPath(), endpoints, unparsable, true);
        assertThat(unparsable).isEmpty();

        CamelCatalog catalog = new DefaultCamelCatalog();
        catalog.setSuggestionStrategy(new CatalogSuggestionStrategy());
        catalog.getJSonSchemaResolver().setClassLoader(SoraUriValidationTest.class.getClassLoader());
        catalog.enableCache();

        Map<String, EndpointValidationResult> results = new LinkedHashMap<>();
        for (CamelEndpointDetails endpoint : endpoints) {
            results.put(endpoint.getEndpointUri(), catalog.validateEndpointProperties(endpoint.getEndpointUri(), true));
        }
        return results;
    }
}
