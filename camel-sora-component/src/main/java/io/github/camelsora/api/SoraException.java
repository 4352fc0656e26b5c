package io.github.camelsora.api;

/**
 * Base of every failure camel-sora reports. Carries the video id when one is known, so a failure never hides a
 * job that may already be paid for.
 */
public class SoraException extends RuntimeException {

    private final String videoId;

    public SoraException(String message, String videoId) {
        this(message, videoId, null);
    }

    public SoraException(String message, String videoId, Throwable cause) {
        super(message, cause);
        this.videoId = videoId;
    }

    /** The id of the video job concerned, or {@code null} when no job was created. */
    public String getVideoId() {
        return videoId;
    }
}
