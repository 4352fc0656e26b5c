package io.github.camelsora.api;

/** The job completed, but its assets expired before they were downloaded; the server no longer has the video. */
public class SoraAssetExpiredException extends SoraException {

    private final Long expiresAt;

    public SoraAssetExpiredException(String videoId, Long expiresAt) {
        super("The assets of video " + videoId + " expired"
              + (expiresAt != null ? " at " + java.time.Instant.ofEpochSecond(expiresAt) : "")
              + " and can no longer be downloaded; the job was not re-submitted", videoId);
        this.expiresAt = expiresAt;
    }

    /** When the assets expired (unix seconds), if known. */
    public Long getExpiresAt() {
        return expiresAt;
    }
}
