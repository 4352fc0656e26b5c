package io.github.camelsora;

/** What a {@code sora:} endpoint does; the URI path, overridable per message with header {@code CamelSoraOperation}. */
public enum SoraOperation {
    /** Create a job, wait for it without holding a thread, download the MP4: the one-step operation. */
    generate
}
