package io.github.camelsora.job;

/** Small helpers shared by the stores and their users. */
public final class JobStores {

    private JobStores() {
    }

    /** SHA-256 of {@code text} in hex: turns keys into file names, and credentials into something safe to hold. */
    public static String hash(String text) {
        return FileJobStore.sha256(text);
    }
}
