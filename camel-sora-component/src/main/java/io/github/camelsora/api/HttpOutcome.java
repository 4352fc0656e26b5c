package io.github.camelsora.api;

import java.time.Duration;

/** What every response consumer reports, so one redirect loop serves them all: the head, read once. */
interface HttpOutcome {

    ResponseHead head();

    default int status() {
        return head().status();
    }

    default String location() {
        return head().location();
    }

    default String contentType() {
        return head().contentType();
    }

    default String requestId() {
        return head().requestId();
    }

    default String pollAfterMs() {
        return head().pollAfterMs();
    }

    default Duration retryAfter() {
        return head().retryAfter();
    }

    default Long declaredLength() {
        return head().declaredLength();
    }
}
