package io.github.camelsora;

import java.io.File;

/** {@link Mp4Assertions} for tests in other packages. */
public final class Mp4AssertionsAccess {

    private Mp4AssertionsAccess() {
    }

    public static void assertPlayableMp4(File file, int width, int height, double seconds) throws Exception {
        Mp4Assertions.assertPlayableMp4(file, width, height, seconds);
    }
}
