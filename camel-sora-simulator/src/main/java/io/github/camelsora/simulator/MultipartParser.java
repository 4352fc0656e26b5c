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
package io.github.camelsora.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A small RFC 7578 multipart/form-data parser over an in-memory body (create requests are small:
 * a few text fields and at most one reference image).
 */
final class MultipartParser {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private MultipartParser() {
    }

    /** The boundary parameter of a multipart Content-Type, or null when there is none. */
    static String boundary(String contentType) {
        for (String param : contentType.split(";")) {
            String trimmed = param.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = trimmed.substring("boundary=".length()).trim();
                return unquote(value);
            }
        }
        return null;
    }

    static List<MultipartPart> parse(byte[] body, String boundary) throws ApiException {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw malformed("no boundary delimiter found");
        }
        List<MultipartPart> parts = new ArrayList<>();
        // each delimiter in the body is "\r\n--boundary"; the first one may sit at the very start
        byte[] nextDelimiter = concat(CRLF, delimiter);
        while (true) {
            position += delimiter.length;
            if (startsWith(body, position, new byte[] {'-', '-'})) {
                return parts; // close delimiter
            }
            int headersStart = skipLineEnd(body, position);
            int headersEnd = indexOf(body, HEADER_END, headersStart);
            if (headersEnd < 0) {
                throw malformed("a part has no end of headers");
            }
            // headersStart == headersEnd + 2 would mean "no headers"; handled by the empty header block
            String headerBlock = new String(body, headersStart, Math.max(0, headersEnd - headersStart), StandardCharsets.UTF_8);
            int contentStart = headersEnd + HEADER_END.length;
            int contentEnd = indexOf(body, nextDelimiter, contentStart);
            if (contentEnd < 0) {
                throw malformed("a part is not terminated by the boundary");
            }
            parts.add(part(headerBlock, Arrays.copyOfRange(body, contentStart, contentEnd)));
            position = contentEnd + CRLF.length;
        }
    }

    private static MultipartPart part(String headerBlock, byte[] content) throws ApiException {
        String name = null;
        String filename = null;
        String contentType = null;
        for (String line : headerBlock.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                name = dispositionParam(value, "name");
                filename = dispositionParam(value, "filename");
            } else if (header.equals("content-type") && !value.isEmpty()) {
                contentType = value;
            }
        }
        if (name == null) {
            throw malformed("a part has no Content-Disposition name");
        }
        return new MultipartPart(name, filename, contentType, content);
    }

    /** Reads {@code key="value"} (or unquoted) from a Content-Disposition value. */
    static String dispositionParam(String disposition, String key) {
        int index = 0;
        while (index < disposition.length()) {
            int semicolon = nextSeparator(disposition, index);
            String param = disposition.substring(index, semicolon).trim();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase(key)) {
                return unquote(param.substring(eq + 1).trim());
            }
            index = semicolon + 1;
        }
        return null;
    }

    /** The next ';' that is not inside a quoted string. */
    private static int nextSeparator(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return text.length();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }

    private static int skipLineEnd(byte[] body, int position) {
        // transport padding (spaces/tabs) may follow a delimiter before its CRLF
        int i = position;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
            i++;
        }
        if (startsWith(body, i, CRLF)) {
            return i + CRLF.length;
        }
        return i;
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (offset + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static ApiException malformed(String detail) {
        return ApiException.invalidRequest("Could not parse the multipart/form-data body: " + detail + ".", null,
                "invalid_multipart");
    }
}
