package io.github.camelsora;

/** Test images for tests in other packages. */
public final class TestImagesAccess {

    private TestImagesAccess() {
    }

    public static byte[] png(int width, int height) {
        return TestImages.png(width, height);
    }
}
