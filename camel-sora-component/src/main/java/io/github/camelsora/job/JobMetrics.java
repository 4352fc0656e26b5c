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

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Where job events are counted. Every method does nothing by default, which is what runs without a registry.
 * {@code tags} are the exchange's low-cardinality tags as Camel's meters carry them (camelContext, routeId,
 * endpointName, provider; see {@link io.github.camelsora.api.JobScope#tags()}), possibly empty; never ids or secrets.
 */
public interface JobMetrics {

    JobMetrics NONE = new JobMetrics() {
    };

    /** A job was created; {@code estimatedCost} in US dollars, {@code null} when unknown. */
    default void submitted(Map<String, String> tags, String model, BigDecimal estimatedCost) {
    }

    /** A wait ended with status {@code completed}, {@code renderTime} after the job was created. */
    default void completed(Map<String, String> tags, String model, Duration renderTime) {
    }

    /** A wait ended otherwise: the job failed on the server, or the wait timed out or was stopped. */
    default void failed(Map<String, String> tags, String model, String reason) {
    }

    /** One status request was sent. */
    default void statusRequested(Map<String, String> tags) {
    }

    /** A request to the provider is about to be sent ({@code operation}: a low-cardinality name, no ids). */
    default void requestSent(String operation) {
    }

    /** Bytes of media were downloaded completely. */
    default void downloaded(Map<String, String> tags, long bytes) {
    }
}
