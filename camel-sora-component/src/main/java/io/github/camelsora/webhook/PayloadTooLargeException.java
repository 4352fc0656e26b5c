package io.github.camelsora.webhook;

import java.io.IOException;

/** A webhook request body larger than webhookMaxPayloadSize: answered 413, the rest of it left unread. */
final class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(int max) {
        super("The request body is larger than webhookMaxPayloadSize (" + max + " bytes)");
    }
}
