package io.github.camelsora.simulator;

/** A video size such as {@code 1280x720} (width x height). */
record FrameSize(int width, int height) {

    /** Parses {@code WxH}; returns null when the text is not of that form. */
    static FrameSize parse(String text) {
        int x = text.indexOf('x');
        if (x <= 0 || x == text.length() - 1) {
            return null;
        }
        try {
            return new FrameSize(Integer.parseInt(text.substring(0, x)), Integer.parseInt(text.substring(x + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
