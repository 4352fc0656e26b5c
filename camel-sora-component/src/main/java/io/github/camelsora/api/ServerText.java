package io.github.camelsora.api;

/**
 * Text that came from the server (error messages, codes, statuses, request ids) before it goes into an exception
 * message or a log line: control characters (line breaks, ANSI escapes) are replaced, so a hostile server cannot
 * forge log lines or repaint a terminal, and the length is bounded, so it cannot flood them.
 */
public final class ServerText {

    static final int MAX_LENGTH = 1000;

    private ServerText() {
    }

    /** The text made safe to print; {@code null} stays {@code null}. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 16));
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        if (text.length() > MAX_LENGTH) {
            out.append("...(").append(text.length() - MAX_LENGTH).append(" more characters)");
        }
        return out.toString();
    }
}
