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

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelsora.api.ServerText;
import io.github.camelsora.api.SoraValidationException;
import io.github.camelsora.api.JobScope;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Dispatches each exchange to the handler of its operation and continues the route on the component's worker pool
 * once the work is done, never on a timer or HTTP I/O thread. Transacted exchanges are the exception: they stay on
 * their thread, as a transaction is bound to it.
 */
public class SoraProducer extends DefaultAsyncProducer {

    private final Map<SoraOperation, SoraOperationHandler> handlers = new EnumMap<>(SoraOperation.class);
    private WritableHealthCheckRepository healthCheckRepository;
    private SoraProducerHealthCheck healthCheck;

    public SoraProducer(SoraEndpoint endpoint) {
        super(endpoint);
        SoraBinding steps = new SoraBinding(endpoint);
        handlers.put(SoraOperation.generate, new GenerateHandler(steps));
        handlers.put(SoraOperation.create, new CreateHandler(steps));
        handlers.put(SoraOperation.retrieve, new RetrieveHandler(steps));
        handlers.put(SoraOperation.await, new AwaitHandler(steps));
        handlers.put(SoraOperation.download, new DownloadHandler(steps));
        handlers.put(SoraOperation.list, new ListHandler(steps));
        handlers.put(SoraOperation.delete, new DeleteHandler(steps));
        handlers.put(SoraOperation.remix, new DerivedVideoHandler(steps, SoraOperation.remix));
        handlers.put(SoraOperation.edit, new DerivedVideoHandler(steps, SoraOperation.edit));
        handlers.put(SoraOperation.extend, new DerivedVideoHandler(steps, SoraOperation.extend));
        handlers.put(SoraOperation.createCharacter, new CreateCharacterHandler(steps));
        handlers.put(SoraOperation.getCharacter, new GetCharacterHandler(steps));
        handlers.put(SoraOperation.storyboard, new StoryboardHandler(steps));
    }

    @Override
    protected void doStart() throws Exception {
        getEndpoint().checkUsable();
        super.doStart();
        registerHealthCheck();
    }

    @Override
    public SoraEndpoint getEndpoint() {
        return (SoraEndpoint) super.getEndpoint();
    }

    /** Registers the readiness check (producer health checks are off unless camel.health.producersEnabled). */
    private void registerHealthCheck() {
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
                "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new SoraProducerHealthCheck(getEndpoint(), getEndpoint().getId());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> work;
        try {
            SoraOperation operation = operation(exchange);
            SoraOperationHandler handler = handlers.get(operation);
            if (handler == null) {
                throw new SoraValidationException("operation", "sora:" + operation
                                                               + " is a consumer operation; it cannot be sent to");
            }
            requireSupported(operation, exchange);
            // the exchange's MDC, meter tags and trace context follow its job onto the timer, I/O and worker threads
            JobScope scope = SoraTelemetry.scope(exchange, getEndpoint());
            work = scope.call(() -> {
                try {
                    return handler.start(exchange);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new StartFailed(e);
                }
            });
        } catch (StartFailed e) {
            exchange.setException(e.getCause());
            callback.done(true);
            return true;
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (exchange.isTransacted()) {
            try {
                work.get();
            } catch (ExecutionException e) {
                exchange.setException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.setException(e);
            }
            callback.done(true);
            return true;
        }
        AtomicBoolean done = new AtomicBoolean();
        getEndpoint().inFlight(1);
        work.whenCompleteAsync((ignored, error) -> {
            if (error != null) {
                exchange.setException(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
            if (done.compareAndSet(false, true)) {
                getEndpoint().inFlight(-1);
                callback.done(false);
            }
        }, getEndpoint().getComponent().continuations());
        return false;
    }

    /** A checked exception of a handler's start, carried through the scope's call. */
    private static final class StartFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartFailed(Exception cause) {
            super(cause);
        }
    }

    /** A provider without an endpoint the operation needs fails here, before anything is sent. */
    private void requireSupported(SoraOperation operation, Exchange exchange) {
        SoraConfiguration config = getEndpoint().getConfiguration();
        if (!config.isValidateRequests()) {
            return;
        }
        io.github.camelsora.api.ProviderProfile profile = getEndpoint().profile();
        for (String endpoint : operation.endpoints()) {
            if (!profile.supports(endpoint)) {
                throw new io.github.camelsora.api.SoraValidationException("operation", "provider " + profile.name()
                        + " has no '" + endpoint + "' endpoint, which " + operation + " needs; it offers "
                        + profile.endpoints() + " (set validateRequests=false to send anyway)");
            }
        }
        boolean stills = operation == SoraOperation.generate && config.getVariants() != null
                         && !config.getVariants().isBlank()
                         || operation == SoraOperation.download && !"video".equals(exchange.getMessage()
                                 .getHeader(SoraConstants.VARIANT, config.getVariant(), String.class));
        if (stills && !profile.supports("variants")) {
            throw new io.github.camelsora.api.SoraValidationException("variants", "provider " + profile.name()
                    + " serves no thumbnail or spritesheet (no 'variants' endpoint); it offers " + profile.endpoints());
        }
        if (operation == SoraOperation.generate && config.isDeleteAfterDownload() && !profile.supports("delete")) {
            throw new io.github.camelsora.api.SoraValidationException("deleteAfterDownload", "provider "
                    + profile.name() + " has no 'delete' endpoint");
        }
    }

    private SoraOperation operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(SoraConstants.OPERATION);
        if (header == null) {
            return getEndpoint().getOperation();
        }
        if (header instanceof SoraOperation operation) {
            return operation;
        }
        try {
            return SoraOperation.valueOf(header.toString());
        } catch (IllegalArgumentException e) {
            throw new SoraValidationException("operation", "unknown operation '" + ServerText.clean(header.toString())
                                                           + "' in header " + SoraConstants.OPERATION + "; known: "
                                                           + java.util.Arrays.toString(SoraOperation.values()));
        }
    }
}
