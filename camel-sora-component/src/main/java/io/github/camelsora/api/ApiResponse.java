package io.github.camelsora.api;

import java.time.Duration;

/**
 * A parsed response with what the headers add to it.
 *
 * @param value     the parsed body
 * @param requestId the {@code x-request-id} header
 * @param pollAfter the server's {@code openai-poll-after-ms} hint, or {@code null}
 */
public record ApiResponse<T>(T value, String requestId, Duration pollAfter) {
}
