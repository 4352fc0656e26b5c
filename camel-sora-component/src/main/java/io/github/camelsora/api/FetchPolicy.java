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
 * What a {@link SafeFetcher} may fetch. The defaults suit fetching a reference image named by a user: https only,
 * public addresses only, at most 20 MiB, within 30 seconds, at most 3 redirects (each checked like the first URL).
 *
 * @param maxBytes               the largest body accepted
 * @param timeout                the longest the whole fetch may take, redirects included
 * @param maxRedirects           redirects followed at most
 * @param allowHttp              also accept plain {@code http://} URLs
 * @param allowInternalAddresses also connect to loopback, private, link-local and similar addresses (tests, an
 *                               intranet image store); never on by default, as it lets a URL reach internal services
 * @param sslContext             TLS trust for the fetched hosts; {@code null} for the JDK's default
 */
public record FetchPolicy(long maxBytes, Duration timeout, int maxRedirects, boolean allowHttp,
                          boolean allowInternalAddresses, SSLContext sslContext) {

    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    public FetchPolicy {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
    }

    public static FetchPolicy defaults() {
        return new FetchPolicy(DEFAULT_MAX_BYTES, Duration.ofSeconds(30), 3, false, false, null);
    }

    public FetchPolicy withMaxBytes(long bytes) {
        return new FetchPolicy(bytes, timeout, maxRedirects, allowHttp, allowInternalAddresses, sslContext);
    }

    public FetchPolicy withTimeout(Duration duration) {
        return new FetchPolicy(maxBytes, duration, maxRedirects, allowHttp, allowInternalAddresses, sslContext);
    }

    public FetchPolicy withMaxRedirects(int redirects) {
        return new FetchPolicy(maxBytes, timeout, redirects, allowHttp, allowInternalAddresses, sslContext);
    }

    public FetchPolicy withAllowHttp(boolean allow) {
        return new FetchPolicy(maxBytes, timeout, maxRedirects, allow, allowInternalAddresses, sslContext);
    }

    public FetchPolicy withAllowInternalAddresses(boolean allow) {
        return new FetchPolicy(maxBytes, timeout, maxRedirects, allowHttp, allow, sslContext);
    }

    public FetchPolicy withSslContext(SSLContext context) {
        return new FetchPolicy(maxBytes, timeout, maxRedirects, allowHttp, allowInternalAddresses, context);
    }
}
