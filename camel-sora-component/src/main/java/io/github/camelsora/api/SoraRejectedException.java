package io.github.camelsora.api;

/** Backpressure: too many exchanges already wait for a job slot; this one was turned away before anything was sent. */
public class SoraRejectedException extends SoraException {

    public SoraRejectedException(String message) {
        super(message, null);
    }
}
