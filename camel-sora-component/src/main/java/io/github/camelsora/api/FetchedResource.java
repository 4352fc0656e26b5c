package io.github.camelsora.api;

import java.net.URI;

/**
 * A resource fetched whole by {@link SafeFetcher}.
 *
 * @param uri         where it was finally fetched from (after redirects)
 * @param contentType the declared content type (not trusted: check the bytes)
 * @param body        the bytes, at most the policy's maxBytes
 */
public record FetchedResource(URI uri, String contentType, byte[] body) {
}
