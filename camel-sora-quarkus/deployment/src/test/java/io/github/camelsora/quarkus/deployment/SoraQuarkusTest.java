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
package io.github.camelsora.quarkus.deployment;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.github.camelsora.SoraComponent;
import io.github.camelsora.SoraConstants;
import io.github.camelsora.simulator.SoraSimulator;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension in JVM mode: a Quarkus application with camel-sora-quarkus runs {@code sora:generate} against the
 * simulator and gets an MP4, configured through {@code camel.component.sora.*}; and the build produces what a
 * native image needs (checked on the build items, since no native image is built here).
 */
class SoraQuarkusTest {

    static final String KEY = "sk-sim-quarkus-7c1d";
    /**
     * Started once: the test class is loaded twice (by JUnit, then by Quarkus' runtime class loader), so the
     * simulator and the output directory are handed over through system properties.
     */
    static final String BASE_URL = simulator();
    static final Path OUTPUT = Path.of(System.getProperty("sora.quarkus.output"));

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(SoraQuarkusTest.class))
            .overrideConfigKey("camel.component.sora.base-url", BASE_URL)
            .overrideConfigKey("camel.component.sora.api-key", KEY)
            .overrideConfigKey("camel.component.sora.output-directory", OUTPUT.toString())
            .overrideConfigKey("camel.component.sora.poll-delay", "100")
            .overrideConfigKey("camel.component.sora.max-poll-delay", "300")
            .addBuildChainCustomizer(SoraQuarkusTest::recordBuildItems);

    @Inject
    CamelContext context;
    @Inject
    ProducerTemplate template;

    private static synchronized String simulator() {
        if (System.getProperty("sora.quarkus.simulator") == null) {
            SoraSimulator simulator = SoraSimulator.builder().apiKey(KEY).renderTime(Duration.ofMillis(500))
                    .drawPrompt(false).start();
            System.getProperties().put("sora.quarkus.simulator.instance", simulator);
            System.setProperty("sora.quarkus.simulator", simulator.baseUrl());
            try {
                System.setProperty("sora.quarkus.output", Files.createTempDirectory("camel-sora-quarkus").toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return System.getProperty("sora.quarkus.simulator");
    }

    /** What the build steps produced, kept in system properties (the build runs in another class loader). */
    private static void recordBuildItems(BuildChainBuilder chain) {
        chain.addBuildStep(context -> {
            List<String> reflective = context.consumeMulti(ReflectiveClassBuildItem.class).stream()
                    .flatMap(item -> item.getClassNames().stream()).distinct().sorted().toList();
            System.setProperty("sora.test.reflective", String.join(",", reflective));
            List<String> resources = context.consumeMulti(NativeImageResourceBuildItem.class).stream()
                    .flatMap(item -> item.getResources().stream()).distinct().sorted().toList();
            System.setProperty("sora.test.resources", String.join(",", resources));
            context.produce(new FeatureBuildItem("sora-test-recorder"));
        }).consumes(ReflectiveClassBuildItem.class).consumes(NativeImageResourceBuildItem.class)
                .produces(FeatureBuildItem.class).build();
    }

    /** The classes of the api package of camel-sora, listed from its jar (or classes directory). */
    private static List<String> apiClassNames() throws IOException {
        Path location;
        try {
            location = Path.of(SoraComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> entries;
        if (Files.isDirectory(location)) {
            try (java.util.stream.Stream<Path> files = Files.walk(location)) {
                entries = files.map(f -> location.relativize(f).toString().replace(File.separatorChar, '/')).toList();
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(location.toFile())) {
                entries = jar.stream().map(java.util.jar.JarEntry::getName).toList();
            }
        }
        return entries.stream().filter(e -> e.startsWith("io/github/camelsora/api/") && e.endsWith(".class"))
                .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.')).toList();
    }

    private static boolean isRecord(String name) {
        try {
            return Class.forName(name, false, SoraComponent.class.getClassLoader()).isRecord();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopSimulator() throws Exception {
        Object simulator = System.getProperties().remove("sora.quarkus.simulator.instance");
        if (simulator instanceof AutoCloseable closeable) {
            closeable.close();
        }
        System.clearProperty("sora.quarkus.simulator");
    }

    @Test
    void generatesAVideoAgainstTheSimulator() throws IOException {
        assertThat(context.getComponent("sora")).isInstanceOf(SoraComponent.class);
        Exchange done = template.request("sora:generate?model=sora-2&size=1280x720&seconds=4",
                e -> e.getMessage().setBody("A kettle on a stove, steam rising"));
        assertThat(done.getException()).isNull();
        File mp4 = done.getMessage().getBody(File.class);
        assertThat(mp4).exists().hasParent(OUTPUT.toFile());
        assertThat(done.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class)).isNotBlank();
        try (InputStream in = Files.newInputStream(mp4.toPath())) {
            byte[] head = in.readNBytes(8);
            assertThat(new String(Arrays.copyOfRange(head, 4, 8), java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("ftyp");
        }
    }

    @Test
    void theBuildRegistersEveryJacksonBoundApiClassAndTheProfilesForNativeMode() throws IOException {
        List<String> reflective = List.of(System.getProperty("sora.test.reflective", "").split(","));
        // every record of the api package, as read from the jar itself, not from the processor's own logic
        List<String> apiRecords = apiClassNames().stream().filter(SoraQuarkusTest::isRecord).toList();
        assertThat(apiRecords).contains("io.github.camelsora.api.Video", "io.github.camelsora.api.VideoList",
                "io.github.camelsora.api.ApiError");
        assertThat(reflective).containsAll(apiRecords)
                .contains("io.github.camelsora.api.ProviderProfile$Data", "io.github.camelsora.job.JobRecord");

        List<String> resources = List.of(System.getProperty("sora.test.resources", "").split(","));
        for (String name : io.github.camelsora.api.ProviderProfile.NAMES) {
            assertThat(resources).contains("io/github/camelsora/providers/" + name + ".json");
        }
    }
}
