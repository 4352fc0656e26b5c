package io.github.camelsora.api;

/** The job reached a terminal status other than {@code completed}: {@code failed}, {@code expired}, ... */
public class SoraJobFailedException extends SoraException {

    private final String status;
    private final String errorCode;
    private final String errorMessage;

    public SoraJobFailedException(String videoId, String status, String errorCode, String errorMessage) {
        super("Video " + ServerText.clean(videoId) + " ended with status '" + ServerText.clean(status) + "'"
              + (errorCode != null ? " [code=" + ServerText.clean(errorCode) + "]" : "")
              + (errorMessage != null ? ": " + ServerText.clean(errorMessage) : ""),
              videoId);
        this.status = status;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    public String getStatus() {
        return status;
    }

    /** The API's {@code error.code}, e.g. {@code moderation_blocked}; may be {@code null}. */
    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }
}
