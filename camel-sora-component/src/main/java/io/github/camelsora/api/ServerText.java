/*
 * Copyright 2026 The camel-sora Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
