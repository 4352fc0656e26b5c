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

import java.util.ArrayList;
import java.util.List;

import io.github.camelsora.api.ProviderProfile;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ServiceProviderBuildItem;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * The build steps of the camel-sora extension. Camel Quarkus core finds the component itself (its service file
 * {@code META-INF/services/org/apache/camel/component/sora} and generated configurers); this adds what it cannot
 * know: the camel-sora jar in the index, every class Jackson binds (the API records and the profile records),
 * the provider profiles as native resources, the provider factories and the span decorator as services, and the
 * classes whose static state must be made at run time.
 */
public class SoraProcessor {

    static final String FEATURE = "camel-sora";
    /** Where Jackson-bound classes live: the API records, the job store's records, the profiles' records. */
    static final List<String> BOUND_PACKAGES = List.of("io.github.camelsora.api.", "io.github.camelsora.job.",
            "io.github.camelsora.prompt.", "io.github.camelsora.webhook.");
    private static final String JACKSON_ANNOTATIONS = "com.fasterxml.jackson.annotation.";
    private static final String JACKSON_DATABIND_ANNOTATIONS = "com.fasterxml.jackson.databind.annotation.";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem("io.github.camelsora", "camel-sora");
    }

    /**
     * Every record of the bound packages (Jackson reads and writes records through their accessors and canonical
     * constructor) and every class there that carries a Jackson annotation, with constructors, methods and fields.
     */
    @BuildStep
    ReflectiveClassBuildItem jacksonBound(CombinedIndexBuildItem combined) {
        List<String> names = jacksonBoundClasses(combined.getIndex());
        return ReflectiveClassBuildItem.builder(names.toArray(String[]::new)).constructors().methods().fields()
                .build();
    }

    static List<String> jacksonBoundClasses(IndexView index) {
        List<String> names = new ArrayList<>();
        for (ClassInfo type : index.getKnownClasses()) {
            String name = type.name().toString();
            if (BOUND_PACKAGES.stream().noneMatch(name::startsWith)) {
                continue;
            }
            if (type.isRecord() || jacksonAnnotated(type)) {
                names.add(name);
            }
        }
        names.sort(String::compareTo);
        return names;
    }

    private static boolean jacksonAnnotated(ClassInfo type) {
        for (DotName annotation : type.annotationsMap().keySet()) {
            String name = annotation.toString();
            if (name.startsWith(JACKSON_ANNOTATIONS) || name.startsWith(JACKSON_DATABIND_ANNOTATIONS)) {
                return true;
            }
        }
        for (AnnotationInstance annotation : type.declaredAnnotations()) {
            if (annotation.name().toString().startsWith(JACKSON_ANNOTATIONS)) {
                return true;
            }
        }
        return false;
    }

    /** The bundled provider profiles, read with getResourceAsStream. */
    @BuildStep
    void profiles(BuildProducer<NativeImageResourceBuildItem> resources) {
        List<String> paths = new ArrayList<>();
        for (String name : ProviderProfile.NAMES) {
            paths.add("io/github/camelsora/providers/" + name + ".json");
        }
        resources.produce(new NativeImageResourceBuildItem(paths));
    }

    /** ServiceLoader files: the provider factories, and the span decorator when camel-telemetry is there too. */
    @BuildStep
    void services(BuildProducer<ServiceProviderBuildItem> services) {
        services.produce(ServiceProviderBuildItem.allProvidersFromClassPath("io.github.camelsora.api.VideoProviderFactory"));
        services.produce(ServiceProviderBuildItem.allProvidersFromClassPath("org.apache.camel.telemetry.SpanDecorator"));
    }

    /**
     * Classes whose static state belongs to the running process, not the build: the transport (a counter of
     * transports and, through HttpClient, SSL and DNS state) and the telemetry lookups.
     */
    @BuildStep
    void runtimeInitialized(BuildProducer<RuntimeInitializedClassBuildItem> classes) {
        for (String name : List.of("io.github.camelsora.api.HttpTransport", "io.github.camelsora.SoraTelemetry",
                "io.github.camelsora.api.GoogleAdcTokens")) {
            classes.produce(new RuntimeInitializedClassBuildItem(name));
        }
    }
}
