package io.github.camelsora.api;

import java.time.Duration;

/**
 * The job did not reach a terminal status within the deadline. The job is left running on the server (it is
 * already paid for): it is never re-submitted; fetch it later by its video id.
 */
public class SoraTimeoutException extends SoraException {

    private final Duration waited;
    private final String lastStatus;

    public SoraTimeoutException(String videoId, Duration waited, String lastStatus) {
        super("Video " + ServerText.clean(videoId) + " was still '" + ServerText.clean(lastStatus) + "' after waiting " + waited
              + "; the job was not re-submitted, await or download it later by its id",
              videoId);
        this.waited = waited;
        this.lastStatus = lastStatus;
    }

    public Duration getWaited() {
        return waited;
    }

    public String getLastStatus() {
        return lastStatus;
    }
}
