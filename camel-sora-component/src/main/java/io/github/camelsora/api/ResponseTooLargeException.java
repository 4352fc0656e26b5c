package io.github.camelsora.api;

import java.io.IOException;

/** Thrown inside a response consumer when a body passes its cap; the client turns it into a SoraApiException. */
final class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ResponseTooLargeException(int status, long bytes, long maxBytes) {
        super("the response body is larger than the limit of " + maxBytes + " bytes (at least " + bytes + ")");
        this.status = status;
    }

    int status() {
        return status;
    }
}
