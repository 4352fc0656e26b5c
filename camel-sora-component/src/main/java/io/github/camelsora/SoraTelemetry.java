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

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelsora.api.JobScope;
import io.github.camelsora.api.RequestObserver;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.support.ExchangeHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Makes the {@link JobScope} of one exchange: what lets the Camel-free engine and transport log, count and trace as
 * the exchange's, whatever thread they run on.
 * <ul>
 * <li>MDC: with {@code useMdcLogging} on, Camel's own keys ({@code camel.exchangeId}, {@code camel.routeId},
 * {@code camel.contextId}, {@code camel.breadcrumbId}, ...) and the video id ({@code sora.videoId}) on every line
 * the component writes for the exchange, on the timer, an HTTP I/O thread or a worker.</li>
 * <li>Meter tags as camel-micrometer's: {@code camelContext}, {@code routeId}, {@code endpointName} (the endpoint's
 * base URI, secrets masked), {@code provider}.</li>
 * <li>Traces: when Camel's telemetry SPI (camel-telemetry, e.g. through camel-opentelemetry2) traces the context, a
 * client span per request to the provider, child of the exchange's {@code sora} span, whose W3C trace context
 * ({@code traceparent}) goes out with the request. camel-telemetry is optional: without it nothing is loaded.</li>
 * </ul>
 */
final class SoraTelemetry {

    private static final Logger LOG = LoggerFactory.getLogger(SoraTelemetry.class);
    private static final boolean TELEMETRY_PRESENT = present("org.apache.camel.telemetry.Tracer");

    private SoraTelemetry() {
    }

    /** The scope of {@code exchange} sent to {@code endpoint}. */
    static JobScope scope(Exchange exchange, SoraEndpoint endpoint) {
        CamelContext context = exchange.getContext();
        String routeId = ExchangeHelper.getAtRouteId(exchange);
        if (routeId == null) {
            routeId = exchange.getFromRouteId();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("camelContext", context.getName());
        tags.put("routeId", routeId == null ? "none" : routeId);
        tags.put("endpointName", endpoint.getEndpointBaseUri());
        tags.put("provider", endpoint.getConfiguration().getProvider());
        Map<String, String> mdc = context.isUseMDCLogging() ? mdc(exchange, routeId) : null;
        JobScope scope = new JobScope(mdc, tags, observer(exchange, endpoint));
        String videoId = exchange.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        return scope.videoId(videoId);
    }

    /** Camel's MDC keys for the exchange (as MDCUnitOfWork sets them on the route's thread), and the thread's own. */
    private static Map<String, String> mdc(Exchange exchange, String routeId) {
        Map<String, String> mdc = new LinkedHashMap<>();
        Map<String, String> current = MDC.getCopyOfContextMap();
        if (current != null) {
            mdc.putAll(current);
        }
        mdc.remove(JobScope.MDC_VIDEO_ID);
        mdc.put(UnitOfWork.MDC_EXCHANGE_ID, exchange.getExchangeId());
        mdc.put(UnitOfWork.MDC_MESSAGE_ID, exchange.getMessage().getMessageId());
        mdc.put(UnitOfWork.MDC_CAMEL_CONTEXT_ID, exchange.getContext().getName());
        if (routeId != null) {
            mdc.put(UnitOfWork.MDC_ROUTE_ID, routeId);
        }
        String breadcrumb = exchange.getIn().getHeader(Exchange.BREADCRUMB_ID, String.class);
        if (breadcrumb != null) {
            mdc.put(UnitOfWork.MDC_BREADCRUMB_ID, breadcrumb);
        }
        String correlation = exchange.getProperty(Exchange.CORRELATION_ID, String.class);
        if (correlation != null) {
            mdc.put(UnitOfWork.MDC_CORRELATION_ID, correlation);
        }
        return mdc;
    }

    private static RequestObserver observer(Exchange exchange, SoraEndpoint endpoint) {
        if (!TELEMETRY_PRESENT) {
            return RequestObserver.NONE;
        }
        try {
            return WithTelemetry.observer(exchange, endpoint);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("No client spans for the provider's requests: {}", e.toString());
            return RequestObserver.NONE;
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, SoraTelemetry.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loaded only when camel-telemetry is on the class path. */
    private static final class WithTelemetry {

        private static final org.apache.camel.telemetry.SpanStorageManager SPANS
                = new org.apache.camel.telemetry.SpanStorageManagerExchange();
        private static final org.apache.camel.telemetry.SpanContextPropagationExtractor NO_UPSTREAM
                = new org.apache.camel.telemetry.SpanContextPropagationExtractor() {
                    @Override
                    public java.util.Iterator<Map.Entry<String, Object>> iterator() {
                        return java.util.Collections.emptyIterator();
                    }

                    @Override
                    public java.util.Set<String> keys() {
                        return java.util.Set.of();
                    }

                    @Override
                    public Object get(String key) {
                        return null;
                    }
                };

        static RequestObserver observer(Exchange exchange, SoraEndpoint endpoint) {
            org.apache.camel.telemetry.Tracer tracer = exchange.getContext()
                    .hasService(org.apache.camel.telemetry.Tracer.class);
            if (tracer == null || tracer.getSpanLifecycleManager() == null
                || tracer.exclude(endpoint.getEndpointUri(), exchange.getContext())) {
                return RequestObserver.NONE;
            }
            org.apache.camel.telemetry.SpanLifecycleManager spans = tracer.getSpanLifecycleManager();
            // the exchange's current span: the sora endpoint's, which lasts until the job is delivered
            org.apache.camel.telemetry.Span parent = SPANS.peek(exchange);
            String exchangeId = exchange.getExchangeId();
            return (operation, method, uri, videoId) -> {
                org.apache.camel.telemetry.Span span = spans.create("sora " + operation, parent, NO_UPSTREAM);
                span.setComponent("camel-sora");
                span.setTag(org.apache.camel.telemetry.TagConstants.OP,
                        org.apache.camel.telemetry.Op.EVENT_SENT.toString());
                span.setTag(org.apache.camel.telemetry.TagConstants.EXCHANGE_ID, exchangeId);
                span.setTag(org.apache.camel.telemetry.TagConstants.HTTP_METHOD, method);
                span.setTag(org.apache.camel.telemetry.TagConstants.HTTP_URL, withoutQuery(uri));
                span.setTag(org.apache.camel.telemetry.TagConstants.SERVER_ADDRESS, uri.getHost());
                span.setTag("sora.operation", operation);
                if (videoId != null) {
                    span.setTag(SoraSpanDecorator.VIDEO_ID_TAG, videoId);
                }
                Map<String, String> headers = new LinkedHashMap<>();
                spans.inject(span, headers::put, false);
                return new RequestObserver.Call() {
                    @Override
                    public Map<String, String> headers() {
                        return headers;
                    }

                    @Override
                    public void end(int status, Throwable error) {
                        if (status > 0) {
                            span.setTag(org.apache.camel.telemetry.TagConstants.HTTP_STATUS, Integer.toString(status));
                        }
                        if (error != null || status >= 400) {
                            span.setError(true);
                            if (error != null) {
                                span.setTag(org.apache.camel.telemetry.TagConstants.EXCEPTION_MESSAGE,
                                        String.valueOf(error.getMessage()));
                            }
                        }
                        spans.deactivate(span);
                        spans.close(span);
                    }
                };
            };
        }

        /** Scheme, host, port and path: a query is never recorded (some providers' URLs carry signatures). */
        private static String withoutQuery(URI uri) {
            String text = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                          + (uri.getRawPath() == null ? "" : uri.getRawPath());
            return text;
        }
    }
}
