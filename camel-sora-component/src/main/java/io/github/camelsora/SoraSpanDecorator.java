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

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * The span decorator of {@code sora:} endpoints for Camel's telemetry SPI (camel-telemetry: camel-opentelemetry2,
 * camel-telemetry-dev, ...), found by its ServiceLoader ({@code META-INF/services/org.apache.camel.telemetry
 * .SpanDecorator}). The endpoint's span lasts from the prompt's arrival at the producer to the file's delivery (the
 * wait included); it carries the operation, provider and model, and once the server named it the video id
 * ({@value #VIDEO_ID_TAG}) and the job's status. The requests to the provider are its children (see
 * SoraTelemetry). Never a key, a prompt or a URI query.
 */
public class SoraSpanDecorator extends AbstractSpanDecorator {

    /** The span attribute of the video id. */
    public static final String VIDEO_ID_TAG = "sora.video.id";

    @Override
    public String getComponent() {
        return "sora";
    }

    @Override
    public String getComponentClassName() {
        return SoraComponent.class.getName();
    }

    /** {@code sora:generate}, {@code sora:await}, ...: the endpoint's operation. */
    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        return endpoint instanceof SoraEndpoint sora ? "sora:" + sora.getOperation() : super.getOperationName(exchange,
                endpoint);
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        if (endpoint instanceof SoraEndpoint sora) {
            span.setTag("sora.operation", String.valueOf(sora.getOperation()));
            span.setTag("sora.provider", sora.getConfiguration().getProvider());
            String model = exchange.getMessage().getHeader(SoraConstants.MODEL, String.class);
            span.setTag("sora.model", model != null ? model : sora.getConfiguration().getModel());
        }
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        String videoId = exchange.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        if (videoId != null) {
            span.setTag(VIDEO_ID_TAG, videoId);
        }
        String status = exchange.getMessage().getHeader(SoraConstants.STATUS, String.class);
        if (status != null) {
            span.setTag("sora.status", status);
        }
    }
}
