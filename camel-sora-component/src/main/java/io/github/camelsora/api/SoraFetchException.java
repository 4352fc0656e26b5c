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
 * A URL the component was asked to fetch itself (a reference image, a result a job names by URL) was refused or
 * could not be fetched safely. The message names the URL without its query, which may hold a signature.
 */
public class SoraFetchException extends SoraException {

    private final String url;
    private final String reason;
    private final int statusCode;
    private final String detail;

    public SoraFetchException(String url, String reason, String message) {
        this(url, reason, message, null);
    }

    public SoraFetchException(String url, String reason, String message, Throwable cause) {
        this(url, reason, 0, message, cause, null);
    }

    /**
     * @param statusCode the HTTP status the server answered with ({@code reason http_status}), else 0
     * @param videoId    the job whose result this was, when it is one (the job exists: it is paid for)
     */
    public SoraFetchException(String url, String reason, int statusCode, String message, Throwable cause,
                              String videoId) {
        super((videoId != null ? "The result of video " + ServerText.clean(videoId) + " could not be fetched: " : "")
              + "Cannot fetch " + ServerText.clean(withoutQuery(url)) + " [reason=" + reason + "]: " + message,
              videoId, cause);
        this.url = withoutQuery(url); // a signed URL's query is a credential
        this.reason = reason;
        this.statusCode = statusCode;
        this.detail = message;
    }

    /** The same failure, about the result of a job (so that it says the job exists). */
    public SoraFetchException forVideo(String videoId) {
        return new SoraFetchException(url, reason, statusCode, detail, getCause(), videoId);
    }

    public String getUrl() {
        return url;
    }

    /**
     * Why: {@code invalid_url}, {@code insecure_scheme}, {@code internal_address}, {@code too_large},
     * {@code timeout}, {@code too_many_redirects}, {@code http_status}, {@code unexpected_content_type},
     * {@code truncated_body}, {@code transport}.
     */
    public String getReason() {
        return reason;
    }

    /** The HTTP status of an {@code http_status} failure, else 0. */
    public int getStatusCode() {
        return statusCode;
    }

    /** Whether asking again may succeed: the connection failed, the body was cut short, 408, 429 or 5xx. */
    public boolean isTransient() {
        return "transport".equals(reason) || "truncated_body".equals(reason)
               || statusCode == 408 || statusCode == 429 || statusCode >= 500;
    }

    /** The URL without its query and fragment (a signed URL's signature is a credential). */
    static String withoutQuery(String url) {
        if (url == null) {
            return null;
        }
        int cut = url.length();
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        if (query >= 0) {
            cut = query;
        }
        if (fragment >= 0 && fragment < cut) {
            cut = fragment;
        }
        return cut < url.length() ? url.substring(0, cut) + "?..." : url;
    }
}
