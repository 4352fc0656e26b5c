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
package io.github.camelsora.job;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How Camel builds the job stores from text (#class: beans, YAML constructors), and the errors a slip gives. */
class JobStoreDeclarationTest {

    @TempDir
    Path temp;

    @Test
    void aQuotedPathStringBuildsAFileJobStore() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            Path directory = temp.resolve("jobs");
            Object store = PropertyBindingSupport.resolveBean(camel,
                    "#class:io.github.camelsora.job.FileJobStore(\"" + directory + "\")");
            assertThat(store).isInstanceOf(FileJobStore.class).hasToString("FileJobStore[" + directory + "]");
            assertThat(Files.isDirectory(directory)).isTrue();
        }
    }

    @Test
    void aBeanReferenceBuildsAJdbcJobStore() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:declaration;DB_CLOSE_DELAY=-1");
            camel.getRegistry().bind("jobDb", h2);
            Object store = PropertyBindingSupport.resolveBean(camel,
                    "#class:io.github.camelsora.job.JdbcJobStore(\"#bean:jobDb\", \"declared_jobs\", \"true\")");
            assertThat(store).isInstanceOf(JdbcJobStore.class);
        }
    }

    @Test
    void aMissingDirectoryOrDataSourceIsNamed() {
        assertThatThrownBy(() -> new FileJobStore(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FileJobStore needs a directory");
        assertThatThrownBy(() -> new FileJobStore((Path) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FileJobStore needs a directory");
        // what Camel passes for "#jobDb" in a constructor argument: the String, converted to null
        assertThatThrownBy(() -> new JdbcJobStore(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"#bean:myDataSource\"");
    }
}
