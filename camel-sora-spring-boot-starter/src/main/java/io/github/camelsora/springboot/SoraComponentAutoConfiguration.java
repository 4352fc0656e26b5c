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

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.github.camelsora.SoraComponent;
import io.github.camelsora.job.FileJobStore;
import io.github.camelsora.job.JdbcJobStore;
import io.github.camelsora.job.JobStore;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.sora.*} to the sora component when Camel creates it, the way camel-spring-boot's
 * generated starters do: nothing at all when {@code camel.component.enabled} or {@code camel.component.sora.enabled}
 * is false; a customizer that stays idle when {@code camel.component.customizer.enabled} or
 * {@code camel.component.sora.customizer.enabled} is false (the more specific flag wins); bean options by plain name
 * ({@code myStore}), {@code #myStore} or {@code #bean:myStore}. A Micrometer {@code MeterRegistry} in the application
 * (Spring Boot Actuator makes one) receives the component's meters.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.sora"})
@EnableConfigurationProperties({ComponentConfigurationProperties.class, SoraComponentConfiguration.class})
public class SoraComponentAutoConfiguration {

    static final String JOB_STORE_PROPERTIES = "'${camel.component.sora.job-store-directory:}' != ''"
                                               + " or '${camel.component.sora.job-store-data-source:}' != ''";

    @Lazy
    @Bean
    public ComponentCustomizer soraComponentCustomizer(ApplicationContext applicationContext, CamelContext camelContext,
                                                       SoraComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                Map<String, Object> options = options(configuration);
                if (configuration.getJobStore() == null && hasJobStoreProperties(configuration)) {
                    options.put("jobStore", applicationContext.getBean("soraJobStore", JobStore.class));
                }
                if (!options.isEmpty()) {
                    // through the component's generated configurer, like camel-main's camel.component.sora.*; a value
                    // that does not convert to a bean option's type is looked up as a bean name (myStore -> #bean:)
                    CamelPropertiesHelper.setCamelProperties(camelContext, target, options, true);
                }
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                        "camel.component.customizer", "camel.component.sora.customizer")
                       && target instanceof SoraComponent;
            }
        };
    }

    /**
     * The job store of {@code camel.component.sora.job-store-directory} (a FileJobStore) or
     * {@code camel.component.sora.job-store-data-source} (a JdbcJobStore on that DataSource bean), for applications
     * that would rather not declare a JobStore bean themselves.
     */
    @Bean(name = "soraJobStore", destroyMethod = "close")
    @ConditionalOnExpression(JOB_STORE_PROPERTIES)
    public JobStore soraJobStore(ApplicationContext applicationContext, SoraComponentConfiguration configuration) {
        String directory = configuration.getJobStoreDirectory();
        String dataSource = configuration.getJobStoreDataSource();
        if (configuration.getJobStore() != null || (directory != null && dataSource != null)) {
            throw new IllegalStateException("Set one of camel.component.sora.job-store, job-store-directory and"
                                            + " job-store-data-source, not several");
        }
        if (directory != null) {
            return new FileJobStore(directory);
        }
        DataSource db = applicationContext.getBean(beanName(dataSource), DataSource.class);
        return new JdbcJobStore(db, configuration.getJobStoreTable(), configuration.isJobStoreCreateTable());
    }

    private static boolean hasJobStoreProperties(SoraComponentConfiguration configuration) {
        return configuration.getJobStoreDirectory() != null || configuration.getJobStoreDataSource() != null;
    }

    /** {@code myBean}, {@code #myBean} or {@code #bean:myBean}: the bean's name. */
    static String beanName(String reference) {
        String name = reference.trim();
        if (name.startsWith("#bean:")) {
            return name.substring(6);
        }
        return name.startsWith("#") ? name.substring(1) : name;
    }

    /** The options that are set, by their component option names. */
    static Map<String, Object> options(SoraComponentConfiguration c) {
        Map<String, Object> options = new LinkedHashMap<>();
        put(options, "allowRetiredEndpoint", c.getAllowRetiredEndpoint());
        put(options, "baseUrl", c.getBaseUrl());
        put(options, "model", c.getModel());
        put(options, "provider", c.getProvider());
        put(options, "aspectRatio", c.getAspectRatio());
        put(options, "resolution", c.getResolution());
        put(options, "negativePrompt", c.getNegativePrompt());
        put(options, "seed", c.getSeed());
        put(options, "generateAudio", c.getGenerateAudio());
        put(options, "providerOptions", c.getProviderOptions());
        put(options, "allowInternalProviderUrls", c.getAllowInternalProviderUrls());
        put(options, "lastFrame", c.getLastFrame());
        put(options, "referenceImages", c.getReferenceImages());
        put(options, "seconds", c.getSeconds());
        put(options, "size", c.getSize());
        put(options, "validateRequests", c.getValidateRequests());
        put(options, "bridgeErrorHandler", c.getBridgeErrorHandler());
        put(options, "download", c.getDownload());
        put(options, "fetchVideo", c.getFetchVideo());
        put(options, "forwardTrackedEvents", c.getForwardTrackedEvents());
        put(options, "pageSize", c.getPageSize());
        put(options, "webhookPath", c.getWebhookPath());
        put(options, "region", c.getRegion());
        put(options, "downloadResult", c.getDownloadResult());
        put(options, "storageUri", c.getStorageUri());
        put(options, "storageEndpoint", c.getStorageEndpoint());
        put(options, "accessKeyId", c.getAccessKeyId());
        put(options, "awsProfile", c.getAwsProfile());
        put(options, "secretAccessKey", c.getSecretAccessKey());
        put(options, "webhookScheme", c.getWebhookScheme());
        put(options, "webhookJwksUrl", c.getWebhookJwksUrl());
        put(options, "callbackUrl", c.getCallbackUrl());
        put(options, "httpServerComponent", c.getHttpServerComponent());
        put(options, "idempotentRepository", c.getIdempotentRepository());
        put(options, "after", c.getAfter());
        put(options, "autoPaginate", c.getAutoPaginate());
        put(options, "characterName", c.getCharacterName());
        put(options, "characters", c.getCharacters());
        put(options, "completion", c.getCompletion());
        put(options, "deleteAfterDownload", c.getDeleteAfterDownload());
        put(options, "inputReference", c.getInputReference());
        put(options, "inputReferenceFit", c.getInputReferenceFit());
        put(options, "lazyStartProducer", c.getLazyStartProducer());
        put(options, "limit", c.getLimit());
        put(options, "order", c.getOrder());
        put(options, "outputDirectory", c.getOutputDirectory());
        put(options, "pollDelay", c.getPollDelay());
        put(options, "safetyPollDelay", c.getSafetyPollDelay());
        put(options, "timeout", c.getTimeout());
        put(options, "variant", c.getVariant());
        put(options, "variants", c.getVariants());
        put(options, "downloadTimeout", c.getDownloadTimeout());
        put(options, "maxDownloadBytes", c.getMaxDownloadBytes());
        put(options, "maxPollDelay", c.getMaxPollDelay());
        put(options, "autowiredEnabled", c.getAutowiredEnabled());
        put(options, "connectTimeout", c.getConnectTimeout());
        put(options, "maxConnections", c.getMaxConnections());
        put(options, "maxResponseBytes", c.getMaxResponseBytes());
        put(options, "requestTimeout", c.getRequestTimeout());
        put(options, "workerPoolSize", c.getWorkerPoolSize());
        put(options, "maxSpendPerDay", c.getMaxSpendPerDay());
        put(options, "priceTable", c.getPriceTable());
        put(options, "idempotencyKey", c.getIdempotencyKey());
        put(options, "jobStore", c.getJobStore());
        put(options, "maxConcurrentJobs", c.getMaxConcurrentJobs());
        put(options, "maxRequestsPerMinute", c.getMaxRequestsPerMinute());
        put(options, "maxWaitingJobs", c.getMaxWaitingJobs());
        put(options, "maxRetries", c.getMaxRetries());
        put(options, "retryDelay", c.getRetryDelay());
        put(options, "maxRetryDelay", c.getMaxRetryDelay());
        put(options, "quotaAfterRateLimits", c.getQuotaAfterRateLimits());
        put(options, "healthCheckConsumerEnabled", c.getHealthCheckConsumerEnabled());
        put(options, "healthCheckProducerEnabled", c.getHealthCheckProducerEnabled());
        put(options, "proxyHost", c.getProxyHost());
        put(options, "proxyPort", c.getProxyPort());
        put(options, "accessToken", c.getAccessToken());
        put(options, "allowInsecureHttp", c.getAllowInsecureHttp());
        put(options, "allowInternalImageUrls", c.getAllowInternalImageUrls());
        put(options, "apiKey", c.getApiKey());
        put(options, "proxyPassword", c.getProxyPassword());
        put(options, "proxyUsername", c.getProxyUsername());
        put(options, "sslContextParameters", c.getSslContextParameters());
        put(options, "webhookMaxPayloadSize", c.getWebhookMaxPayloadSize());
        put(options, "webhookSecret", c.getWebhookSecret());
        put(options, "webhookTolerance", c.getWebhookTolerance());
        return options;
    }

    private static void put(Map<String, Object> options, String name, Object value) {
        if (value != null) {
            options.put(name, value);
        }
    }
}
