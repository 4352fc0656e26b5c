package io.github.camelsora;

/** How {@code sora:generate} learns that a job finished. */
public enum SoraCompletion {
    /** Ask for the job's status on an adaptive schedule. */
    poll,
    /**
     * Wait for the job's webhook event, received by a {@code sora:webhook} consumer of the same Camel context; ask
     * for the status only every {@code safetyPollDelay}, in case the event never comes.
     */
    webhook,
    /** {@code webhook} while a {@code sora:webhook} consumer runs in the Camel context, else {@code poll}. */
    auto
}
