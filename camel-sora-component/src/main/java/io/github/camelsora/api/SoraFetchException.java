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

/** A URL the component was asked to fetch itself was refused or could not be fetched safely. */
public class SoraFetchException extends SoraException {

    private final String url;
    private final String reason;
    private final int httpStatus;

    public SoraFetchException(String url, String reason, String message) {
        this(url, reason, message, null);
    }

    public SoraFetchException(String url, String reason, String message, Throwable cause) {
        this(url, reason, message, cause, 0);
    }

    /** @param httpStatus the status the URL's server answered (reason {@code http_status}), else 0 */
    public SoraFetchException(String url, String reason, String message, Throwable cause, int httpStatus) {
        super("Cannot fetch " + ServerText.clean(url) + " [reason=" + reason + "]: " + message, null, cause);
        this.url = url;
        this.reason = reason;
        this.httpStatus = httpStatus;
    }

    /** The HTTP status the URL's server answered when the reason is {@code http_status}, else 0. */
    public int getHttpStatus() {
        return httpStatus;
    }

    public String getUrl() {
        return url;
    }

    /**
     * Why: {@code invalid_url}, {@code insecure_scheme}, {@code internal_address}, {@code too_large},
     * {@code timeout}, {@code too_many_redirects}, {@code http_status}, {@code transport}.
     */
    public String getReason() {
        return reason;
    }
}
