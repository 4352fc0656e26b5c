package io.github.camelsora.api;

import java.nio.file.Path;

/**
 * A content download that arrived completely.
 *
 * @param file        where the bytes were streamed to
 * @param bytes       how many bytes were written
 * @param contentType the response's content type, as sent
 * @param requestId   the {@code x-request-id} header
 */
public record Download(Path file, long bytes, String contentType, String requestId) {
}
