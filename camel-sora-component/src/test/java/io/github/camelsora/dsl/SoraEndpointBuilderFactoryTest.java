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
package io.github.camelsora.dsl;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsora.SoraCompletion;
import io.github.camelsora.SoraConstants;
import io.github.camelsora.SoraEndpoint;
import io.github.camelsora.SoraOperation;
import io.github.camelsora.job.FileJobStore;
import io.github.camelsora.job.JobStore;
import io.github.camelsora.dsl.SoraEndpointBuilderFactory.AdvancedSoraEndpointBuilder;
import io.github.camelsora.dsl.SoraEndpointBuilderFactory.AdvancedSoraEndpointConsumerBuilder;
import io.github.camelsora.dsl.SoraEndpointBuilderFactory.AdvancedSoraEndpointProducerBuilder;
import io.github.camelsora.dsl.SoraEndpointBuilderFactory.SoraEndpointBuilder;
import io.github.camelsora.dsl.SoraEndpointBuilderFactory.SoraEndpointConsumerBuilder;
import io.github.camelsora.dsl.SoraEndpointBuilderFactory.SoraEndpointProducerBuilder;
import io.github.camelsora.dsl.SoraEndpointBuilderFactory.SoraHeaderNameBuilder;
import io.github.camelsora.dsl.SoraEndpointDslGenerator.Kind;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.EndpointConsumerBuilder;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelsora.dsl.SoraEndpointBuilderFactory.sora;
import static org.assertj.core.api.Assertions.assertThat;

/** The typed builders against sora.json: one method per option, on the builder of its kind, making valid URIs. */
class SoraEndpointBuilderFactoryTest {

    private static final Path GENERATED
            = Path.of("src/generated/java/io/github/camelsora/dsl/SoraEndpointBuilderFactory.java");

    @Test
    void theCommittedFactoryIsTheOneSoraJsonGives() throws Exception {
        assertThat(Files.readString(GENERATED, StandardCharsets.UTF_8))
                .as("SoraEndpointBuilderFactory disagrees with sora.json: run `mvn -pl camel-sora-component -am"
                    + " process-test-classes` (the build rewrites it) and commit it")
                .isEqualTo(SoraEndpointDslGenerator.render(soraJson()));
    }

    @Test
    void everyOptionOfSoraJsonHasABuilderMethodOnTheBuildersOfItsKind() throws Exception {
        for (Map.Entry<String, JsonNode> entry : SoraEndpointDslGenerator.options(soraJson())) {
            String name = entry.getKey();
            JsonNode option = entry.getValue();
            boolean advanced = SoraEndpointDslGenerator.advanced(option);
            Kind kind = Kind.of(option);
            Class<?> endpoint = advanced ? AdvancedSoraEndpointBuilder.class : SoraEndpointBuilder.class;
            Class<?> consumer = advanced ? AdvancedSoraEndpointConsumerBuilder.class : SoraEndpointConsumerBuilder.class;
            Class<?> producer = advanced ? AdvancedSoraEndpointProducerBuilder.class : SoraEndpointProducerBuilder.class;
            assertThat(methodNames(endpoint)).as(endpoint.getSimpleName() + " lacks " + name).contains(name);
            assertThat(methodNames(consumer).contains(name)).as(consumer.getSimpleName() + "." + name)
                    .isEqualTo(kind != Kind.PRODUCER);
            assertThat(methodNames(producer).contains(name)).as(producer.getSimpleName() + "." + name)
                    .isEqualTo(kind != Kind.CONSUMER);
            if (option.path("multiValue").asBoolean(false)) {
                assertThat(methodsNamed(endpoint, name)).as(name + ": one value, or a map of them")
                        .anySatisfy(m -> assertThat(m.getParameterTypes()).containsExactly(String.class, Object.class))
                        .anySatisfy(m -> assertThat(m.getParameterTypes()).containsExactly(Map.class));
            } else if (!"java.lang.String".equals(option.path("javaType").asText())) {
                assertThat(methodsNamed(endpoint, name)).as(name + ": typed and String setters")
                        .anySatisfy(m -> assertThat(m.getParameterTypes()).containsExactly(String.class))
                        .anySatisfy(m -> assertThat(m.getParameterTypes()).doesNotContain(String.class));
            }
        }
    }

    @Test
    void noBuilderMethodWithoutAnOption() throws Exception {
        Set<String> options = SoraEndpointDslGenerator.options(soraJson()).stream().map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> methods = new TreeSet<>(methodNames(SoraEndpointBuilder.class));
        methods.addAll(methodNames(AdvancedSoraEndpointBuilder.class));
        methods.removeAll(List.of("advanced", "basic"));
        assertThat(methods).isEqualTo(options);
    }

    @Test
    void theBuildersMakeTheUriTheCatalogAccepts() {
        // a producer option narrows the builder to a producer builder, as with Camel's own builders
        SoraEndpointProducerBuilder builder = sora("generate").model("sora-2-pro").size("1280x720").seconds("8")
                .pollDelay("5s").completion(SoraCompletion.poll).maxConcurrentJobs(4).validateRequests(true);
        builder.advanced().maxRetries(3).connectTimeout(10_000L);
        assertThat(builder.getRawUri()).isEqualTo("sora://generate?completion=poll&connectTimeout=10000"
                                                  + "&maxConcurrentJobs=4&maxRetries=3&model=sora-2-pro&pollDelay=5s&seconds=8"
                                                  + "&size=1280x720&validateRequests=true");
        EndpointValidationResult result = new DefaultCamelCatalog().validateEndpointProperties(builder.getRawUri());
        assertThat(result.isSuccess()).as(result.summaryErrorMessage(false)).isTrue();

        SoraEndpointConsumerBuilder videos = sora("videos").pageSize(50).schedulerProperties("foo", "bar");
        assertThat(videos.getRawUri()).isEqualTo("sora://videos?pageSize=50&scheduler.foo=bar");
        EndpointConsumerBuilder consumer = videos;
        EndpointProducerBuilder producer = builder;
        assertThat(consumer).isNotNull();
        assertThat(producer).isNotNull();
    }

    @Test
    void secretsAndTextThatDecodingWouldChangeGoInRaw() {
        assertThat(sora("generate").apiKey("sk-abc").getRawUri()).isEqualTo("sora://generate?apiKey=RAW(sk-abc)");
        assertThat(sora("generate").model("a+b c").getRawUri()).isEqualTo("sora://generate?model=RAW(a+b c)");
        assertThat(sora("generate").idempotencyKey("${header.orderId}").getRawUri())
                .isEqualTo("sora://generate?idempotencyKey=RAW(${header.orderId})");
        assertThat(sora("generate").priceTable("x(1)").getRawUri())
                .isEqualTo("sora://generate?priceTable=RAW{x(1)}");
        assertThat(sora("generate").advanced().jobStore("#store").getRawUri()).isEqualTo("sora://generate?jobStore=#store");
    }

    @Test
    void theBuildersResolveToConfiguredEndpointsAndBindObjects(@TempDir Path jobs) throws Exception {
        JobStore store = new FileJobStore(jobs);
        try (CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().addInitialProperty("sora.model", "sora-2-pro");
            context.start();
            SoraEndpoint endpoint = sora("generate").model("{{sora.model}}").apiKey("sk-test+/=")
                    .baseUrl("http://localhost:1/v1").advanced().jobStore(store).basic()
                    .resolve(context, SoraEndpoint.class);
            assertThat(endpoint.getOperation()).isEqualTo(SoraOperation.generate);
            assertThat(endpoint.getConfiguration().getModel()).isEqualTo("sora-2-pro");
            assertThat(endpoint.getConfiguration().getApiKey()).isEqualTo("sk-test+/=");
            assertThat(endpoint.getConfiguration().getJobStore()).isSameAs(store);
            assertThat(endpoint.getEndpointUri()).doesNotContain("sk-test");

            SoraEndpoint webhook = sora("webhook").webhookPath("/hooks/sora").resolve(context, SoraEndpoint.class);
            assertThat(webhook.getOperation()).isEqualTo(SoraOperation.webhook);
        }
    }

    @Test
    void theHeaderNamesAreSoraConstants() {
        SoraHeaderNameBuilder headers = SoraHeaderNameBuilder.INSTANCE;
        assertThat(headers.soraVideoId()).isEqualTo(SoraConstants.VIDEO_ID);
        assertThat(headers.soraPrompt()).isEqualTo("CamelSoraPrompt");
        assertThat(headers.fileName()).isEqualTo("CamelFileName");
        assertThat(headers.contentType()).isEqualTo("Content-Type");
    }

    private static Set<String> methodNames(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.isDefault() && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getDeclaringClass().getName().startsWith(SoraEndpointBuilderFactory.class.getName()))
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Method> methodsNamed(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).toList();
    }

    private static JsonNode soraJson() throws Exception {
        try (InputStream in = SoraEndpointBuilderFactoryTest.class.getClassLoader()
                .getResourceAsStream("META-INF/io/github/camelsora/sora.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
