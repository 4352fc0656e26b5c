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

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.github.camelsora.SoraComponent;
import io.github.camelsora.SoraEndpoint;
import io.github.camelsora.simulator.SoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job stores declared the way a YAML or properties user declares them, on camel-main with camel-yaml-dsl: a
 * FileJobStore from a path string and JdbcJobStores from a {@code #bean:dataSource} reference in YAML {@code beans:}
 * (in constructor arguments Camel resolves {@code #bean:name} only, not {@code #name}),
 * and a FileJobStore from {@code camel.beans.*} set as the component's {@code jobStore}. Each one records the job
 * that ran through it against the simulator.
 */
class YamlJobStoresIT {

    @RegisterExtension
    static final SoraSimulatorExtension SIM = SoraSimulatorExtension.builder()
            .renderTime(Duration.ofSeconds(1))
            .build();

    @TempDir
    Path work;

    private static final String ROUTES = """
            - beans:
                - name: jobDb
                  type: org.h2.jdbcx.JdbcDataSource
                  properties:
                    url: "jdbc:h2:mem:yaml-job-stores;DB_CLOSE_DELAY=-1"
                - name: fileJobs
                  type: io.github.camelsora.job.FileJobStore
                  constructors:
                    0: "{{jobs.dir}}/yaml"
                - name: jdbcJobs
                  type: io.github.camelsora.job.JdbcJobStore
                  constructors:
                    0: "#bean:jobDb"
                - name: jdbcJobsOwnTable
                  type: io.github.camelsora.job.JdbcJobStore
                  constructors:
                    0: "#bean:jobDb"
                    1: sora_jobs_yaml
                    2: true
            - route:
                id: with-file-store
                from:
                  uri: direct:file
                  steps:
                    - to:
                        uri: sora:generate
                        parameters:
                          jobStore: "#fileJobs"
            - route:
                id: with-jdbc-store
                from:
                  uri: direct:jdbc
                  steps:
                    - to:
                        uri: sora:generate
                        parameters:
                          jobStore: "#jdbcJobs"
            - route:
                id: with-jdbc-store-own-table
                from:
                  uri: direct:jdbc-own-table
                  steps:
                    - to:
                        uri: sora:generate
                        parameters:
                          jobStore: "#bean:jdbcJobsOwnTable"
            - route:
                id: with-component-store
                from:
                  uri: direct:component
                  steps:
                    - to: sora:generate
            """;

    @Test
    void jobStoresDeclaredInYamlBeansAndInPropertiesRecordTheirJobs() throws Exception {
        Path routes = work.resolve("routes.camel.yaml");
        Files.writeString(routes, ROUTES, StandardCharsets.UTF_8);
        Path jobs = work.resolve("jobs");

        Main main = new Main();
        main.addInitialProperty("camel.main.routesIncludePattern", "file:" + routes);
        main.addInitialProperty("jobs.dir", jobs.toString());
        // properties parity: a bean from camel.beans.* (the quoted String picks the String constructor)
        main.addInitialProperty("camel.beans.propertiesJobs",
                "#class:io.github.camelsora.job.FileJobStore(\"" + jobs.resolve("properties") + "\")");
        main.addInitialProperty("camel.component.sora.jobStore", "#propertiesJobs");
        main.addInitialProperty("camel.component.sora.baseUrl", SIM.baseUrl());
        main.addInitialProperty("camel.component.sora.apiKey", SIM.apiKey());
        main.addInitialProperty("camel.component.sora.pollDelay", "200ms");
        main.addInitialProperty("camel.component.sora.outputDirectory", work.resolve("videos").toString());
        main.start();
        try {
            CamelContext camel = main.getCamelContext();
            ProducerTemplate template = camel.createProducerTemplate();

            // the four jobs at once: each exchange waits without a thread, and the simulator renders them together
            Map<String, CompletableFuture<Exchange>> results = new LinkedHashMap<>();
            for (String route : List.of("file", "jdbc", "jdbc-own-table", "component")) {
                results.put(route, template.asyncSend("direct:" + route,
                        e -> e.getMessage().setBody("A lighthouse in a storm, " + route)));
            }
            for (Map.Entry<String, CompletableFuture<Exchange>> entry : results.entrySet()) {
                Exchange result = entry.getValue().get(2, TimeUnit.MINUTES);
                assertThat(result.getException()).as(entry.getKey()).isNull();
                assertThat(result.getMessage().getBody(File.class)).as(entry.getKey()).isFile();
            }

            assertThat(storeOf(camel, "fileJobs")).isSameAs(camel.getRegistry().lookupByName("fileJobs"))
                    .isInstanceOf(FileJobStore.class);
            assertThat(storeOf(camel, "jdbcJobs")).isSameAs(camel.getRegistry().lookupByName("jdbcJobs"))
                    .isInstanceOf(JdbcJobStore.class);
            assertThat(camel.getComponent("sora", SoraComponent.class).getConfiguration().getJobStore())
                    .isSameAs(camel.getRegistry().lookupByName("propertiesJobs"))
                    .isInstanceOf(FileJobStore.class);

            // each store holds the one job that went through it
            assertThat(jobFiles(jobs.resolve("yaml"))).hasSize(1);
            assertThat(jobFiles(jobs.resolve("properties"))).hasSize(1);
            DataSource db = camel.getRegistry().lookupByNameAndType("jobDb", DataSource.class);
            assertThat(rows(db, "camel_sora_jobs")).isEqualTo(1);
            assertThat(rows(db, "sora_jobs_yaml")).isEqualTo(1);
            assertThat(SIM.simulator().totalCreates()).isEqualTo(4);
        } finally {
            main.stop();
        }
    }

    /** The job store of the sora endpoint whose URI names {@code bean} as its jobStore. */
    private static JobStore storeOf(CamelContext camel, String bean) {
        Pattern named = Pattern.compile("jobStore=(#|%23)(bean:|bean%3A)?" + bean + "(&|$)");
        return camel.getEndpoints().stream()
                .filter(SoraEndpoint.class::isInstance).map(SoraEndpoint.class::cast)
                .filter(e -> named.matcher(e.getEndpointUri()).find())
                .findFirst().orElseThrow(() -> new AssertionError("no endpoint with jobStore " + bean + " in "
                                                                  + camel.getEndpoints()))
                .getConfiguration().getJobStore();
    }

    private static List<Path> jobFiles(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".job")).toList();
        }
    }

    private static int rows(DataSource db, String table) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }
}
