package io.github.camelsora.media;

/** Bytes that should be a reference image are not a usable JPEG, PNG or WebP. */
public class InvalidImageException extends InvalidMediaException {

    /** Why the image was refused. */
    public enum Reason {
        /** Not JPEG, PNG or WebP (by magic bytes; a declared type or file name does not count). */
        UNSUPPORTED_FORMAT,
        /** The data ends before the header says what the image is. */
        TRUNCATED,
        /** The header is malformed. */
        CORRUPT,
        /** The header declares more pixels than any reference image needs (a decompression bomb). */
        TOO_LARGE
    }

    private final Reason reason;

    public InvalidImageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
