package io.github.camelsora.simulator;

/** The {@code VideoStatus} values of the protocol. */
enum JobStatus {
    QUEUED("queued"), IN_PROGRESS("in_progress"), COMPLETED("completed"), FAILED("failed"),
    /** Completed, but its assets are gone (only with an asset lifetime rule). */
    EXPIRED("expired");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == EXPIRED;
    }
}
