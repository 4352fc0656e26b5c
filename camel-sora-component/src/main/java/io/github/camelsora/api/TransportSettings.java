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

import java.time.Duration;

import javax.net.ssl.SSLContext;

/**
 * How bytes reach the server and how many are accepted back: TLS, proxy, whether plain http is allowed, and the
 * size and time caps that keep a hostile or broken server from filling the disk, the heap or the deadline. The
 * proxy password is kept out of {@link #toString()}.
 *
 * @param sslContext        the TLS context (trust and key material); {@code null} for the JDK's default
 * @param proxyHost         an HTTP forward proxy (https goes through it with CONNECT); {@code null} for none
 * @param proxyPort         the proxy's port
 * @param proxyUsername     proxy user for Basic authentication; {@code null} for none
 * @param proxyPassword     proxy password; secret
 * @param allowInsecureHttp allow {@code http://} base URLs to hosts other than loopback
 * @param maxDownloadBytes  the largest media body accepted; larger ones fail and leave no file
 * @param maxResponseBytes  the largest JSON (or error) body accepted; larger ones fail before they are parsed
 * @param downloadTimeout   the longest a whole media download may take, however steadily the bytes drip in
 * @param allowInternalProviderUrls fetch URLs the provider names (results on another host, key sets) also over plain
 *                          http and from loopback, private or link-local addresses (a local simulator, an intranet
 *                          mirror)
 */
public record TransportSettings(
        SSLContext sslContext, String proxyHost, int proxyPort, String proxyUsername, String proxyPassword,
        boolean allowInsecureHttp, long maxDownloadBytes, long maxResponseBytes, Duration downloadTimeout,
        boolean allowInternalProviderUrls) {

    /** 4 GiB: a 20 s 1080p clip is a few hundred MB at most; the cap only stops runaway bodies. */
    public static final long DEFAULT_MAX_DOWNLOAD_BYTES = 4L * 1024 * 1024 * 1024;
    /** 8 MiB: a list of 100 jobs with 32000-character prompts fits; anything larger is not the protocol. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;
    public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofMinutes(30);

    public TransportSettings {
        if (maxDownloadBytes <= 0) {
            throw new IllegalArgumentException("maxDownloadBytes must be positive");
        }
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
        if (downloadTimeout == null || downloadTimeout.isNegative() || downloadTimeout.isZero()) {
            throw new IllegalArgumentException("downloadTimeout must be positive");
        }
        if (proxyHost != null && (proxyPort <= 0 || proxyPort > 65535)) {
            throw new IllegalArgumentException("proxyPort must be 1..65535 when proxyHost is set");
        }
    }

    /** No proxy, the JDK's TLS defaults, https only (loopback excepted), default caps. */
    public static TransportSettings defaults() {
        return new TransportSettings(null, null, 0, null, null, false, DEFAULT_MAX_DOWNLOAD_BYTES,
                DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_DOWNLOAD_TIMEOUT, false);
    }

    public TransportSettings withSslContext(SSLContext context) {
        return new TransportSettings(context, proxyHost, proxyPort, proxyUsername, proxyPassword, allowInsecureHttp,
                maxDownloadBytes, maxResponseBytes, downloadTimeout, allowInternalProviderUrls);
    }

    public TransportSettings withProxy(String host, int port, String username, String password) {
        return new TransportSettings(sslContext, host, port, username, password, allowInsecureHttp, maxDownloadBytes,
                maxResponseBytes, downloadTimeout, allowInternalProviderUrls);
    }

    public TransportSettings withAllowInsecureHttp(boolean allow) {
        return new TransportSettings(sslContext, proxyHost, proxyPort, proxyUsername, proxyPassword, allow,
                maxDownloadBytes, maxResponseBytes, downloadTimeout, allowInternalProviderUrls);
    }

    public TransportSettings withLimits(long maxDownload, long maxResponse, Duration download) {
        return new TransportSettings(sslContext, proxyHost, proxyPort, proxyUsername, proxyPassword,
                allowInsecureHttp, maxDownload, maxResponse, download, allowInternalProviderUrls);
    }

    public TransportSettings withAllowInternalProviderUrls(boolean allow) {
        return new TransportSettings(sslContext, proxyHost, proxyPort, proxyUsername, proxyPassword,
                allowInsecureHttp, maxDownloadBytes, maxResponseBytes, downloadTimeout, allow);
    }

    /**
     * The safe-fetch rules for a result a provider names by URL on another host: no credential, https and public
     * addresses only (unless {@code allowInternalProviderUrls}), at most {@code maxDownloadBytes}, within
     * {@code downloadTimeout}, trusting this TLS context.
     */
    public FetchPolicy resultFetchPolicy() {
        return FetchPolicy.defaults().withMaxBytes(maxDownloadBytes).withTimeout(downloadTimeout)
                .withAllowHttp(allowInsecureHttp || allowInternalProviderUrls).withAllowInternalAddresses(allowInternalProviderUrls)
                .withSslContext(sslContext);
    }

    @Override
    public String toString() {
        return "TransportSettings[sslContext=" + (sslContext == null ? "default" : sslContext.getProtocol())
               + ", proxy=" + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort)
               + ", proxyUsername=" + (proxyUsername == null ? "none" : "***")
               + ", proxyPassword=" + (proxyPassword == null ? "none" : "***")
               + ", allowInsecureHttp=" + allowInsecureHttp + ", maxDownloadBytes=" + maxDownloadBytes
               + ", maxResponseBytes=" + maxResponseBytes + ", downloadTimeout=" + downloadTimeout
               + ", allowInternalProviderUrls=" + allowInternalProviderUrls + "]";
    }
}
