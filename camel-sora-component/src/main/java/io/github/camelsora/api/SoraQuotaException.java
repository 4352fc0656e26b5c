package io.github.camelsora.api;

/**
 * The server keeps answering 429 without saying when to come back ({@code Retry-After}), or says
 * {@code insufficient_quota}: treated as an exhausted quota or billing limit, which waiting does not fix.
 */
public class SoraQuotaException extends SoraApiException {

    public SoraQuotaException(String operation, SoraApiException last, int attempts) {
        super(operation + ": quota exhausted (HTTP 429 " + attempts + " times without Retry-After"
              + (last.getErrorCode() != null ? ", code " + last.getErrorCode() : "")
              + "); check the account's quota and billing, nothing more will be sent for this message",
                last.getStatusCode(), last.getError(), last.getRequestId(), last.getVideoId(), null);
    }
}
