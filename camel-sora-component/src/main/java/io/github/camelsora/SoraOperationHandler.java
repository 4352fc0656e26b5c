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

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;

/**
 * One operation of the component. {@link #start} checks the exchange and starts the work without blocking; it
 * throws at once for bad input (so nothing is sent), else returns a future that completes once the result is on
 * the exchange.
 */
interface SoraOperationHandler {

    CompletableFuture<Void> start(Exchange exchange) throws Exception;
}
