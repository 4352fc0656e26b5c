package io.github.camelsora.api;


/**
 * A request that got no complete HTTP answer: the connection was refused, reset or timed out, or the deadline
 * passed while the request was in flight. These, and only these, are transport failures worth repeating; a local
 * file-system error while saving a download is not one.
 */
public class SoraTransportException extends SoraException {

    private final boolean sent;

    /**
     * @param sent whether the request may have reached the server (false only when no connection was made)
     */
    public SoraTransportException(String operation, String videoId, Throwable cause, boolean sent) {
        super(operation + " failed: " + cause.getClass().getSimpleName()
              + (cause.getMessage() != null ? ": " + ServerText.clean(cause.getMessage()) : ""), videoId, cause);
        this.sent = sent;
    }

    public SoraTransportException(String message, String videoId, Throwable cause) {
        super(message, videoId, cause);
        this.sent = true;
    }

    /** Whether the request may have reached the server, so a billable one may have created a job. */
    public boolean isOutcomeUnknown() {
        return sent;
    }
}
