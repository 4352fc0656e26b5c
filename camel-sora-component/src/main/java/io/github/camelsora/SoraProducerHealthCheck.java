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

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.SoraApiException;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a {@code sora:} producer: the provider answers an authenticated request ({@code GET /videos?limit=1})
 * with success, so the key is accepted. Down with the HTTP status, error code and request id otherwise; the key is
 * never part of the result.
 */
final class SoraProducerHealthCheck extends AbstractHealthCheck {

    private final SoraEndpoint endpoint;

    SoraProducerHealthCheck(SoraEndpoint endpoint, String id) {
        super("camel", "producer:sora-" + id);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        // a provider outage says nothing about whether this application is alive
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("baseUrl", endpoint.getConfiguration().getBaseUrl());
        try {
            // the cheapest authenticated request: one list entry
            String requestId = endpoint.provider().list(null, 1, null, io.github.camelsora.api.Deadline.NONE)
                    .thenApply(ApiResponse::requestId)
                    .get(endpoint.getConfiguration().getRequestTimeout(), TimeUnit.MILLISECONDS);
            builder.detail("requestId", requestId);
            builder.up();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof SoraApiException api) {
                builder.detail(HTTP_RESPONSE_CODE, api.getStatusCode());
                builder.detail("errorCode", api.getErrorCode());
                builder.detail("requestId", api.getRequestId());
                builder.message(api.getStatusCode() == 401 || api.getStatusCode() == 403
                        ? "The provider refused the API key (HTTP " + api.getStatusCode() + ")"
                        : cause.getMessage());
            } else {
                builder.message(cause.getMessage());
            }
            builder.error(cause);
            builder.down();
        } catch (TimeoutException e) {
            builder.message("No answer from " + endpoint.getConfiguration().getBaseUrl() + " within "
                            + endpoint.getConfiguration().getRequestTimeout() + " ms");
            builder.down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down();
        }
    }
}
