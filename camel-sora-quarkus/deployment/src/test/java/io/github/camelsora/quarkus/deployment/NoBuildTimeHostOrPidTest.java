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

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class initialised at build time (Quarkus records static state; a native image keeps it) must not capture the
 * build machine's host or process: no static or field initialiser of camel-sora asks for the pid, the host name or
 * the runtime's name. Read from the bytecode of every class of the component.
 */
class NoBuildTimeHostOrPidTest {

    private static final List<String> HOST_OR_PID = List.of("java.lang.ProcessHandle.current",
            "java.lang.ProcessHandle.pid", "java.net.InetAddress.getLocalHost", "java.net.InetAddress.getHostName",
            "java.lang.management.ManagementFactory.getRuntimeMXBean", "java.lang.management.RuntimeMXBean.getName");

    @Test
    void noInitialiserCapturesHostOrPid() throws IOException {
        List<ComponentClasses.ClassFile> classes = ComponentClasses.all();
        assertThat(classes).hasSizeGreaterThan(100);
        assertThat(classes).allSatisfy(type -> assertThat(type.initialiserCalls())
                .as("initialisers of %s", type.name()).doesNotContainAnyElementsOf(HOST_OR_PID));
    }
}
