package io.github.camelsora.job;

/** Where a job stands, as recorded in a {@link JobStore}. */
public enum JobState {
    /** A create is about to be sent or was sent; its outcome is unknown until the video id is recorded. */
    SUBMITTING,
    /** The server accepted the create: the video id is known and paid for. */
    CREATED,
    /** The video was downloaded, checked and moved into place. */
    DELIVERED,
    /** The job ended in a terminal status other than completed (failed, expired, ...). */
    FAILED
}
