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

import java.util.Set;
import java.util.function.Supplier;

import io.github.camelsora.job.JobMetrics;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a Micrometer {@code MeterRegistry} in the Camel registry, if Micrometer is on the class path at all: the
 * component never requires it. Camel's micrometer component names its registry {@code metricsRegistry}; otherwise a
 * single registry of the type is taken (with several, a composite one is preferred, as Spring Boot makes).
 */
final class MeterRegistryLookup {

    private static final Logger LOG = LoggerFactory.getLogger(MeterRegistryLookup.class);
    private static final String MICROMETER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    private MeterRegistryLookup() {
    }

    static JobMetrics metrics(CamelContext camelContext, Supplier<Number> inFlight) {
        try {
            Class.forName(MICROMETER_REGISTRY, false, MeterRegistryLookup.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return JobMetrics.NONE;
        }
        return WithMicrometer.metrics(camelContext, inFlight);
    }

    /** Loaded only when Micrometer is present. */
    private static final class WithMicrometer {

        static JobMetrics metrics(CamelContext camelContext, Supplier<Number> inFlight) {
            io.micrometer.core.instrument.MeterRegistry registry = camelContext.getRegistry()
                    .lookupByNameAndType("metricsRegistry", io.micrometer.core.instrument.MeterRegistry.class);
            if (registry == null) {
                Set<io.micrometer.core.instrument.MeterRegistry> all
                        = camelContext.getRegistry().findByType(io.micrometer.core.instrument.MeterRegistry.class);
                registry = all.stream()
                        .filter(io.micrometer.core.instrument.composite.CompositeMeterRegistry.class::isInstance)
                        .findFirst()
                        .orElse(all.size() == 1 ? all.iterator().next() : null);
            }
            if (registry == null) {
                return JobMetrics.NONE;
            }
            LOG.debug("Sora metrics go to {}", registry.getClass().getName());
            return new io.github.camelsora.metrics.MicrometerJobMetrics(registry, camelContext.getName(), inFlight);
        }
    }
}
