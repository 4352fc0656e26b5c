package io.github.camelsora.api;

import org.apache.hc.core5.http.message.BasicHeader;

/**
 * A header whose value is a secret. It goes on the wire as usual, but prints as {@code Name: ***}: HttpClient's
 * header log ({@code org.apache.hc.client5.http.headers} at DEBUG) prints headers with {@code toString()}, so the
 * key never reaches a log even when that logger is on.
 */
final class MaskedHeader extends BasicHeader {

    private static final long serialVersionUID = 1L;

    MaskedHeader(String name, String value) {
        super(name, value, true);
    }

    @Override
    public String toString() {
        return getName() + ": ***";
    }
}
