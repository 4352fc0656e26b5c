package io.github.camelsora;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelsora.api.ServerText;
import io.github.camelsora.api.SoraValidationException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Dispatches each exchange to the handler of its operation and continues the route on the component's worker pool
 * once the work is done, never on a timer or HTTP I/O thread. Transacted exchanges are the exception: they stay on
 * their thread, as a transaction is bound to it.
 */
public class SoraProducer extends DefaultAsyncProducer {

    private final Map<SoraOperation, SoraOperationHandler> handlers = new EnumMap<>(SoraOperation.class);

    public SoraProducer(SoraEndpoint endpoint) {
        super(endpoint);
        handlers.put(SoraOperation.generate, new GenerateHandler(endpoint));
    }

    @Override
    public SoraEndpoint getEndpoint() {
        return (SoraEndpoint) super.getEndpoint();
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
            work = handler.start(exchange);
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
        work.whenCompleteAsync((ignored, error) -> {
            if (error != null) {
                exchange.setException(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
            if (done.compareAndSet(false, true)) {
                callback.done(false);
            }
        }, getEndpoint().getComponent().continuations());
        return false;
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
