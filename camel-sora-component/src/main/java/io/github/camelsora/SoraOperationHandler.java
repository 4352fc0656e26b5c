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
