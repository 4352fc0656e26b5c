package io.github.camelsora.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelsora.SoraComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.PropertyBindingSupport;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Applies {@code camel.component.sora.*} to the sora component when Camel creates it. A Micrometer
 * {@code MeterRegistry} in the application (Spring Boot Actuator makes one) receives the component's meters.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnBean(CamelContext.class)
@ConditionalOnProperty(prefix = "camel.component.sora", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SoraComponentConfiguration.class)
public class SoraComponentAutoConfiguration {

    @Bean
    public ComponentCustomizer soraComponentCustomizer(CamelContext camelContext,
                                                       SoraComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                Map<String, Object> options = options(configuration);
                if (!options.isEmpty()) {
                    // through the component's generated configurer, exactly like camel-main's camel.component.sora.*
                    PropertyBindingSupport.build().withCamelContext(camelContext).withTarget(target)
                            .withProperties(options).withRemoveParameters(false).withIgnoreCase(true).bind();
                }
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof SoraComponent;
            }
        };
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
        put(options, "allowInternalResultUrls", c.getAllowInternalResultUrls());
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
