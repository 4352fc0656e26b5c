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
package io.github.camelsora.springboot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import io.github.camelsora.SoraComponent;
import io.github.camelsora.SoraConfiguration;
import io.github.camelsora.job.FileJobStore;
import io.github.camelsora.job.InMemoryJobStore;
import io.github.camelsora.job.JdbcJobStore;
import io.github.camelsora.job.JobStore;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flags of camel-spring-boot's generated starters (camel.component[.sora].enabled,
 * camel.component[.sora].customizer.enabled), bean options by plain name, and the job-store properties.
 */
class SoraStarterPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, SoraComponentAutoConfiguration.class))
            .withPropertyValues("camel.component.sora.model=sora-2-pro", "camel.component.sora.size=1280x720");

    @TempDir
    Path temp;

    private static SoraConfiguration sora(CamelContext camel) {
        return camel.getComponent("sora", SoraComponent.class).getConfiguration();
    }

    @Test
    void byDefaultThePropertiesReachTheComponent() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(SoraComponentConfiguration.class).hasSingleBean(ComponentCustomizer.class);
            assertThat(sora(context.getBean(CamelContext.class)).getModel()).isEqualTo("sora-2-pro");
        });
    }

    @Test
    void enabledFalseLeavesTheComponentAsIfTheStarterWereAbsent() {
        for (String flag : new String[] {"camel.component.sora.enabled=false", "camel.component.enabled=false"}) {
            runner.withPropertyValues(flag).run(context -> {
                assertThat(context).as(flag).hasNotFailed()
                        .doesNotHaveBean(SoraComponentConfiguration.class)
                        .doesNotHaveBean(ComponentCustomizer.class);
                // Camel still finds the component on the class path, with its own defaults
                assertThat(sora(context.getBean(CamelContext.class)).getModel()).as(flag).isEqualTo("sora-2");
            });
        }
        // the specific flag wins over the general one
        runner.withPropertyValues("camel.component.enabled=false", "camel.component.sora.enabled=true").run(context ->
                assertThat(sora(context.getBean(CamelContext.class)).getModel()).isEqualTo("sora-2-pro"));
    }

    @Test
    void theCustomizerFlagsLeaveTheComponentAsCamelMadeIt() {
        for (String flag : new String[] {"camel.component.sora.customizer.enabled=false",
                                         "camel.component.customizer.enabled=false"}) {
            runner.withPropertyValues(flag).run(context -> {
                assertThat(context).as(flag).hasSingleBean(ComponentCustomizer.class);
                assertThat(sora(context.getBean(CamelContext.class)).getModel()).as(flag).isEqualTo("sora-2");
            });
        }
        runner.withPropertyValues("camel.component.customizer.enabled=false",
                "camel.component.sora.customizer.enabled=true").run(context ->
                assertThat(sora(context.getBean(CamelContext.class)).getModel()).isEqualTo("sora-2-pro"));
    }

    @Configuration
    static class Beans {
        @Bean
        JobStore myStore() {
            return new InMemoryJobStore();
        }

        @Bean
        IdempotentRepository myRepo() {
            return MemoryIdempotentRepository.memoryIdempotentRepository(10);
        }

        @Bean
        SSLContextParameters myTls() {
            return new SSLContextParameters();
        }

        @Bean
        JdbcDataSource jobDb() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:starter-jobs;DB_CLOSE_DELAY=-1");
            return h2;
        }
    }

    @Test
    void beanOptionsTakeAPlainNameAHashNameOrAHashBeanName() {
        for (String prefix : new String[] {"", "#", "#bean:"}) {
            runner.withUserConfiguration(Beans.class)
                    .withPropertyValues("camel.component.sora.job-store=" + prefix + "myStore",
                            "camel.component.sora.idempotent-repository=" + prefix + "myRepo",
                            "camel.component.sora.ssl-context-parameters=" + prefix + "myTls")
                    .run(context -> {
                        SoraConfiguration sora = sora(context.getBean(CamelContext.class));
                        assertThat(sora.getJobStore()).as(prefix).isSameAs(context.getBean("myStore"));
                        assertThat(sora.getIdempotentRepository()).as(prefix).isSameAs(context.getBean("myRepo"));
                        assertThat(sora.getSslContextParameters()).as(prefix).isSameAs(context.getBean("myTls"));
                    });
        }
    }

    @Test
    void aMissingBeanFailsTheStartNamingIt() {
        runner.withPropertyValues("camel.component.sora.job-store=noSuchStore").run(context -> {
            Throwable failure = catchFailure(context.getBean(CamelContext.class));
            assertThat(failure).isNotNull();
            assertThat(stackText(failure)).contains("noSuchStore");
        });
    }

    @Test
    void jobStoreDirectoryMakesAFileJobStore() {
        Path directory = temp.resolve("jobs");
        runner.withPropertyValues("camel.component.sora.job-store-directory=" + directory).run(context -> {
            JobStore store = sora(context.getBean(CamelContext.class)).getJobStore();
            assertThat(store).isInstanceOf(FileJobStore.class).isSameAs(context.getBean("soraJobStore"))
                    .hasToString("FileJobStore[" + directory + "]");
            assertThat(Files.isDirectory(directory)).isTrue();
        });
    }

    @Test
    void jobStoreDataSourceMakesAJdbcJobStoreOnThatBean() {
        for (String reference : new String[] {"jobDb", "#jobDb", "#bean:jobDb"}) {
            runner.withUserConfiguration(Beans.class)
                    .withPropertyValues("camel.component.sora.job-store-data-source=" + reference,
                            "camel.component.sora.job-store-table=starter_jobs")
                    .run(context -> {
                        JobStore store = sora(context.getBean(CamelContext.class)).getJobStore();
                        assertThat(store).as(reference).isInstanceOf(JdbcJobStore.class)
                                .isSameAs(context.getBean("soraJobStore"));
                        try (Connection c = context.getBean(JdbcDataSource.class).getConnection();
                             ResultSet tables = c.getMetaData().getTables(null, null, "STARTER_JOBS", null)) {
                            assertThat(tables.next()).as("table created").isTrue();
                        }
                    });
        }
    }

    @Test
    void twoWaysOfNamingTheStoreAreRefused() {
        runner.withUserConfiguration(Beans.class)
                .withPropertyValues("camel.component.sora.job-store=myStore",
                        "camel.component.sora.job-store-directory=" + temp.resolve("jobs"))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("Set one of camel.component.sora.job-store, job-store-directory"));
    }

    private static Throwable catchFailure(CamelContext camel) {
        try {
            camel.getComponent("sora", SoraComponent.class);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static String stackText(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            text.append(c).append('\n');
        }
        return text.toString();
    }
}
