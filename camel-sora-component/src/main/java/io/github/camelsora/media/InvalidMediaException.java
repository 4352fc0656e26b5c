package io.github.camelsora.media;

/** A file that should be media is not what it claims to be (wrong type, truncated, malformed). */
public class InvalidMediaException extends Exception {

    public InvalidMediaException(String message) {
        super(message);
    }
}
