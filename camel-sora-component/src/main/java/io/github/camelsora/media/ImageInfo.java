package io.github.camelsora.media;

/** What an image's header says: its format and its size in pixels. */
public record ImageInfo(ImageType type, int width, int height) {

    public String size() {
        return width + "x" + height;
    }
}
