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
package io.github.camelsora.tooling;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsora.SoraComponent;
import io.github.camelsora.SoraDevConsole;
import org.apache.camel.CamelContext;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.ConfigurationPropertiesValidationResult;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.console.DevConsoleResolver;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The descriptors Camel's own component jars carry, and the places catalog tooling looks for a component's JSON.
 * The catalog checks use camel-catalog the way camel-report-maven-plugin's {@code validate} goal and Camel JBang's
 * {@code camel doc} use it: a {@link DefaultCamelCatalog} whose schema resolver loads from the classpath.
 */
class ToolingDescriptorsTest {

    private static final ClassLoader CL = ToolingDescriptorsTest.class.getClassLoader();

    @Test
    void componentPropertiesListsSoraWithItsCoordinates() throws Exception {
        Properties props = ours("META-INF/services/org/apache/camel/component.properties");
        JsonNode component = SoraJsonDescriptionsTest.soraJson().path("component");
        assertThat(props.getProperty("components")).isEqualTo("sora");
        assertThat(props.getProperty("groupId")).isEqualTo(component.path("groupId").asText()).isEqualTo("io.github.camelsora");
        assertThat(props.getProperty("artifactId")).isEqualTo(component.path("artifactId").asText()).isEqualTo("camel-sora");
        assertThat(props.getProperty("version")).isEqualTo(component.path("version").asText());
        assertThat(props.getProperty("projectName")).isNotBlank();
        assertThat(props.getProperty("projectDescription")).isNotBlank();
    }

    @Test
    void theDevConsoleHasItsServiceFileItsJsonAndItsListing() throws Exception {
        Properties service = new Properties();
        try (InputStream in = CL.getResourceAsStream("META-INF/services/org/apache/camel/dev-console/sora")) {
            assertThat(in).isNotNull();
            service.load(in);
        }
        assertThat(service.getProperty("class")).isEqualTo(SoraDevConsole.class.getName());

        assertThat(ours("META-INF/services/org/apache/camel/dev-consoles.properties").getProperty("dev-consoles"))
                .isEqualTo("sora");

        JsonNode console = json("META-INF/org/apache/camel/dev-console/sora.json").path("console");
        assertThat(console.path("name").asText()).isEqualTo("sora");
        assertThat(console.path("group").asText()).isEqualTo("camel");
        assertThat(console.path("javaType").asText()).isEqualTo(SoraDevConsole.class.getName());
        assertThat(console.path("groupId").asText()).isEqualTo("io.github.camelsora");
        assertThat(console.path("artifactId").asText()).isEqualTo("camel-sora");

        // what camel-console does when /q/dev/sora is asked for: resolve the console by its id
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            DevConsole resolved = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class)
                    .resolveDevConsole("sora");
            assertThat(resolved).isInstanceOf(SoraDevConsole.class);
            assertThat(resolved.getId()).isEqualTo("sora");
            // what the developer console (/q/dev, camel-console) lists once it has loaded the consoles
            DevConsoleRegistry registry = DevConsoleRegistry.get(context);
            assertThat(registry).as("camel-console's registry").isNotNull();
            registry.loadDevConsoles(true);
            assertThat(registry.getConsoleIDs()).contains("sora");
        }
    }

    @Test
    void soraJsonIsAlsoWhereCatalogToolingLooks() throws Exception {
        JsonNode meta = SoraJsonDescriptionsTest.soraJson();
        // <package of the component class>/<scheme>.json: CamelCatalog.addComponent(name, className) loads it
        assertThat(json("io/github/camelsora/sora.json")).isEqualTo(meta);
        // the catalog's own folder: DefaultCamelCatalog finds the component by its scheme alone
        assertThat(json("org/apache/camel/catalog/components/sora.json")).isEqualTo(meta);
    }

    @Test
    void aCamelCatalogOnThisClasspathKnowsSora() {
        CamelCatalog catalog = catalog();
        var model = catalog.componentModel("sora");
        assertThat(model).as("componentModel(\"sora\")").isNotNull();
        assertThat(model.getJavaType()).isEqualTo(SoraComponent.class.getName());
        assertThat(model.getEndpointOptions()).extracting(o -> o.getName()).contains("model", "seconds", "apiKey");

        CamelCatalog thirdParty = new DefaultCamelCatalog();
        thirdParty.addComponent("sora", SoraComponent.class.getName());
        assertThat(thirdParty.findComponentNames()).contains("sora");
        assertThat(thirdParty.componentJSonSchema("sora")).contains("\"scheme\": \"sora\"");
    }

    /**
     * What Camel JBang's {@code camel doc sora} does (CatalogDoc, Camel 4.x): {@code new DefaultCamelCatalog(true)}
     * with no class loader set, then {@code componentModel(name)}; with camel-sora on JBang's class path
     * ({@code jbang --deps io.github.camelsora:camel-sora:<version> camel@apache/camel doc sora}) it finds sora.json
     * in the catalog's folder and prints these fields.
     */
    @Test
    void camelDocFindsSoraOnAFlatClassPath() {
        var model = new DefaultCamelCatalog(true).componentModel("sora");
        assertThat(model).as("camel doc sora: 'Camel resource: sora not found' without it").isNotNull();
        assertThat(model.getTitle()).isEqualTo("Sora");
        assertThat(model.getDescription()).isNotBlank();
        assertThat(model.getGroupId() + ":" + model.getArtifactId()).isEqualTo("io.github.camelsora:camel-sora");
        assertThat(model.getSyntax()).isEqualTo("sora:operation");
        assertThat(model.getComponentOptions()).extracting(o -> o.getName()).contains("apiKey", "workerPoolSize");
        assertThat(model.getEndpointOptions()).allSatisfy(o -> assertThat(o.getShortJavaType()).isNotBlank());
        assertThat(model.getEndpointHeaders()).extracting(h -> h.getName()).contains("CamelSoraVideoId");
    }

    @Test
    void theCatalogValidatesSoraUris() {
        CamelCatalog catalog = catalog();
        EndpointValidationResult good = catalog.validateEndpointProperties(
                "sora:generate?model=sora-2-pro&size=1280x720&seconds=8&pollDelay=5s&completion=poll");
        assertThat(good.getUnknownComponent()).isNull();
        assertThat(good.isSuccess()).as(good.summaryErrorMessage(false)).isTrue();

        assertThat(catalog.validateEndpointProperties("sorra:generate").getUnknownComponent()).isEqualTo("sorra");

        EndpointValidationResult typo = catalog.validateEndpointProperties("sora:generate?secnds=8");
        assertThat(typo.getUnknownComponent()).isNull();
        assertThat(typo.isSuccess()).isFalse();
        assertThat(typo.getUnknown()).containsExactly("secnds");
        assertThat(typo.summaryErrorMessage(false)).contains("secnds");

        EndpointValidationResult badEnum = catalog.validateEndpointProperties("sora:generate?completion=sometimes");
        assertThat(badEnum.isSuccess()).isFalse();
        assertThat(badEnum.getInvalidEnum()).containsKey("completion");

        EndpointValidationResult badInt = catalog.validateEndpointProperties("sora:generate?maxConcurrentJobs=many");
        assertThat(badInt.isSuccess()).isFalse();
        assertThat(badInt.getInvalidInteger()).containsKey("maxConcurrentJobs");

        EndpointValidationResult badOperation = catalog.validateEndpointProperties("sora:render");
        assertThat(badOperation.isSuccess()).isFalse();
        assertThat(badOperation.getInvalidEnum()).containsKey("operation");
    }

    @Test
    void theCatalogValidatesSoraProperties() {
        CamelCatalog catalog = catalog();
        ConfigurationPropertiesValidationResult good
                = catalog.validateConfigurationProperty("camel.component.sora.model=sora-2-pro");
        assertThat(good.isSuccess()).as(good.summaryErrorMessage(false, false, true)).isTrue();
        ConfigurationPropertiesValidationResult typo
                = catalog.validateConfigurationProperty("camel.component.sora.modle=sora-2-pro");
        assertThat(typo.getUnknownComponent()).isNull();
        assertThat(typo.isSuccess()).isFalse();
        assertThat(typo.getUnknown()).containsExactly("camel.component.sora.modle");
        // what validate reported for sora before: a component the catalog does not know, skipped
        assertThat(catalog.validateConfigurationProperty("camel.component.sorra.model=x").getUnknownComponent())
                .isEqualTo("sorra");
    }

    /** A catalog set up as camel-report-maven-plugin's validate goal sets up its own. */
    static CamelCatalog catalog() {
        CamelCatalog catalog = new DefaultCamelCatalog();
        catalog.getJSonSchemaResolver().setClassLoader(CL);
        catalog.enableCache();
        return catalog;
    }

    /** The one copy of a resource that several Camel jars carry which is ours (groupId io.github.camelsora). */
    private static Properties ours(String name) throws IOException {
        List<Properties> found = new ArrayList<>();
        for (URL url : Collections.list(CL.getResources(name))) {
            Properties props = new Properties();
            try (InputStream in = url.openStream()) {
                props.load(in);
            }
            if ("io.github.camelsora".equals(props.getProperty("groupId"))) {
                found.add(props);
            }
        }
        assertThat(found).as(name + " of camel-sora").hasSize(1);
        return found.get(0);
    }

    private static JsonNode json(String name) throws IOException {
        try (InputStream in = CL.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
