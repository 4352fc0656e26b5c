package io.github.camelsora.simulator;

/** The state of a job at one instant; completedAt/expiresAt are unix seconds or null. */
record JobSnapshot(JobStatus status, int progress, Long completedAt, Long expiresAt, JobFailure error) {
}
