package io.github.camelsora.api;

/**
 * Job statuses. Only {@code queued} and {@code in_progress} mean "keep waiting": any other value, documented or
 * not ({@code expired}, {@code cancelled}, ...), is terminal, so a poller can never spin on an unknown status.
 */
public enum VideoStatus {
    QUEUED,
    IN_PROGRESS,
    COMPLETED,
    FAILED,
    /** Any status this version does not know; terminal. */
    OTHER;

    public static VideoStatus of(String wire) {
        if (wire == null) {
            return OTHER;
        }
        return switch (wire) {
            case "queued" -> QUEUED;
            case "in_progress" -> IN_PROGRESS;
            case "completed" -> COMPLETED;
            case "failed" -> FAILED;
            default -> OTHER;
        };
    }

    public boolean isTerminal() {
        return this != QUEUED && this != IN_PROGRESS;
    }
}
