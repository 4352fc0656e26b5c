package io.github.camelsora;

/** What a {@code sora:} endpoint does; the URI path, overridable per message with header {@code CamelSoraOperation}. */
public enum SoraOperation {
    /** Create a job, wait for it without holding a thread, download the MP4: the one-step operation. */
    generate,
    /**
     * Consumer: receives the provider's signed webhook events over the runtime's platform-http server, verifies them,
     * and runs the route once per event with the job it is about.
     */
    webhook,
    /** Consumer: lists jobs on a schedule and emits each job once, when it has reached a terminal status. */
    videos
}
