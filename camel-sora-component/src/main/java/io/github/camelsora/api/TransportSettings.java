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
 * @param allowInternalResultUrls also fetch a result URL a job names (on a host that is not the provider's) from a
 *                          loopback, private or link-local address, and over plain http when that address is
 *                          loopback (tests, a self-hosted server on the LAN); never on by default
 */
public record TransportSettings(
        SSLContext sslContext, String proxyHost, int proxyPort, String proxyUsername, String proxyPassword,
        boolean allowInsecureHttp, long maxDownloadBytes, long maxResponseBytes, Duration downloadTimeout,
        boolean allowInternalResultUrls) {

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
                maxDownloadBytes, maxResponseBytes, downloadTimeout, allowInternalResultUrls);
    }

    public TransportSettings withProxy(String host, int port, String username, String password) {
        return new TransportSettings(sslContext, host, port, username, password, allowInsecureHttp, maxDownloadBytes,
                maxResponseBytes, downloadTimeout, allowInternalResultUrls);
    }

    public TransportSettings withAllowInsecureHttp(boolean allow) {
        return new TransportSettings(sslContext, proxyHost, proxyPort, proxyUsername, proxyPassword, allow,
                maxDownloadBytes, maxResponseBytes, downloadTimeout, allowInternalResultUrls);
    }

    public TransportSettings withLimits(long maxDownload, long maxResponse, Duration download) {
        return new TransportSettings(sslContext, proxyHost, proxyPort, proxyUsername, proxyPassword,
                allowInsecureHttp, maxDownload, maxResponse, download, allowInternalResultUrls);
    }

    public TransportSettings withAllowInternalResultUrls(boolean allow) {
        return new TransportSettings(sslContext, proxyHost, proxyPort, proxyUsername, proxyPassword,
                allowInsecureHttp, maxDownloadBytes, maxResponseBytes, downloadTimeout, allow);
    }

    @Override
    public String toString() {
        return "TransportSettings[sslContext=" + (sslContext == null ? "default" : sslContext.getProtocol())
               + ", proxy=" + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort)
               + ", proxyUsername=" + (proxyUsername == null ? "none" : "***")
               + ", proxyPassword=" + (proxyPassword == null ? "none" : "***")
               + ", allowInsecureHttp=" + allowInsecureHttp + ", maxDownloadBytes=" + maxDownloadBytes
               + ", maxResponseBytes=" + maxResponseBytes + ", downloadTimeout=" + downloadTimeout
               + ", allowInternalResultUrls=" + allowInternalResultUrls + "]";
    }
}
