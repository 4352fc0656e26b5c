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
package io.github.camelsora.job;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraException;

/**
 * When to repeat a request that failed: 408, 409, 429, 5xx, I/O errors and bodies cut short are worth repeating;
 * anything else (400, 401, 404, ...) is not. The wait before retry {@code n} is the server's hint
 * ({@code Retry-After-Ms}, {@code Retry-After}) when it sent one, else {@code initialDelay * 2^(n-1)} capped at
 * {@code maxDelay}, less up to a quarter of random jitter so that many clients do not come back in step.
 * A 429 without any hint, {@code quotaAfter} times in a row, is taken for an exhausted quota.
 *
 * @param maxRetries   retries after the first attempt (0: never repeat)
 * @param initialDelay the first backoff
 * @param maxDelay     the longest backoff (a server hint may be longer)
 * @param quotaAfter   how many hint-less 429 answers in a row mean "quota exhausted"
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, int quotaAfter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), 3);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            maxDelay = initialDelay;
        }
        quotaAfter = Math.max(1, quotaAfter);
    }

    /** The backoff before retry {@code retry} (1 for the first retry), with jitter. */
    public Duration backoff(int retry) {
        long base = initialDelay.toMillis();
        long cap = maxDelay.toMillis();
        long delay = base;
        for (int i = 1; i < retry && delay < cap; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, cap);
        long jitter = delay <= 0 ? 0 : ThreadLocalRandom.current().nextLong(delay / 4 + 1);
        return Duration.ofMillis(delay - jitter);
    }

    /** The wait to use before retry {@code retry} after {@code error}: the server's hint, else the backoff. */
    public Duration delay(int retry, Throwable error) {
        Duration hint = serverHint(error);
        return hint != null ? hint : backoff(retry);
    }

    /** Whether repeating the request may succeed. */
    public static boolean isRetryable(Throwable error) {
        if (error instanceof SoraApiException api) {
            int status = api.getStatusCode();
            if ("insufficient_quota".equals(api.getErrorCode())) {
                return false;
            }
            return status == 408 || status == 409 || status == 429 || status >= 500
                   || "truncated_body".equals(api.getErrorCode());
        }
        // transport failures (refused, reset, timeout) come as a plain SoraException around the I/O exception
        return error instanceof SoraException && error.getCause() != null && isTransport(error.getCause());
    }

    private static boolean isTransport(Throwable cause) {
        if (cause instanceof javax.net.ssl.SSLHandshakeException) {
            return false; // an untrusted certificate does not become trusted by asking again
        }
        return cause instanceof IOException || cause instanceof java.util.concurrent.TimeoutException
               || cause.getClass().getName().startsWith("org.apache.hc.");
    }

    /** A 429 that says nothing about when to come back. */
    public static boolean isHintlessRateLimit(Throwable error) {
        return error instanceof SoraApiException api && api.getStatusCode() == 429 && api.getRetryAfter() == null;
    }

    public static boolean isQuota(Throwable error) {
        return error instanceof SoraApiException api && "insufficient_quota".equals(api.getErrorCode());
    }

    static Duration serverHint(Throwable error) {
        return error instanceof SoraApiException api ? api.getRetryAfter() : null;
    }
}
