package io.github.camelsora.simulator;

import java.nio.charset.StandardCharsets;

/**
 * One part of a multipart/form-data body.
 *
 * @param filename    null when the part is a plain form field
 * @param contentType null when the part has no Content-Type header
 */
record MultipartPart(String name, String filename, String contentType, byte[] content) {

    boolean isFile() {
        return filename != null;
    }

    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
