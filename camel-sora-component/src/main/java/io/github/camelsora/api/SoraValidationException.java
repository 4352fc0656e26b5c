package io.github.camelsora.api;

/** A request was rejected before anything was sent (so nothing was billed). */
public class SoraValidationException extends SoraException {

    private final String param;

    public SoraValidationException(String param, String message) {
        super("Invalid '" + param + "': " + message, null);
        this.param = param;
    }

    /** The request parameter at fault, named as on the wire ({@code seconds}, {@code size}, ...). */
    public String getParam() {
        return param;
    }
}
