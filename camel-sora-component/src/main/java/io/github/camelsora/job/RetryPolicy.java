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

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraQuotaException;
import io.github.camelsora.api.SoraTransportException;

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

    /** What to do after a failed attempt: repeat it after {@code delay}, or give up with {@code error}. */
    public sealed interface Decision {
    }

    /** Repeat after {@code delay}. */
    public record Retry(Duration delay) implements Decision {
    }

    /** Give up; {@code error} is the typed exception to report (a quota conclusion, or the attempt's own error). */
    public record GiveUp(Throwable error) implements Decision {
    }

    /**
     * The one retry decision, for every call of every operation. In this order:
     * <ol>
     * <li>{@code insufficient_quota}: give up with {@link SoraQuotaException};</li>
     * <li>{@code quotaAfter} hint-less 429 answers in a row (this one included): give up with
     * {@link SoraQuotaException} (waiting does not fix an exhausted quota);</li>
     * <li>an error not worth repeating ({@link #isRetryable}): give up with it;</li>
     * <li>{@code maxRetries} used up (unless {@code untilDeadline}: status requests cost nothing, so their
     * repetitions are bounded by the deadline only): give up with it;</li>
     * <li>the wait (server hint, else backoff) would pass the deadline: give up with it;</li>
     * <li>else retry after that wait.</li>
     * </ol>
     *
     * @param operation         names the call in a quota exception, e.g. "retrieve video"
     * @param retries           retries already made (0 after the first attempt)
     * @param hintlessInARow    hint-less 429 answers in a row, this error included ({@link #hintlessInARow})
     * @param untilDeadline     repeat regardless of {@code maxRetries}, until the deadline
     */
    public Decision decide(String operation, int retries, int hintlessInARow, Throwable error,
                           io.github.camelsora.api.Deadline deadline, boolean untilDeadline) {
        if (isQuota(error)) {
            return new GiveUp(new SoraQuotaException(operation, (SoraApiException) error, Math.max(1, hintlessInARow)));
        }
        if (isHintlessRateLimit(error) && hintlessInARow >= quotaAfter) {
            return new GiveUp(new SoraQuotaException(operation, (SoraApiException) error, hintlessInARow));
        }
        if (!isRetryable(error) || (!untilDeadline && retries >= maxRetries)) {
            return new GiveUp(error);
        }
        Duration delay = delay(retries + 1, error);
        if (deadline.passedAfter(delay)) {
            return new GiveUp(error);
        }
        return new Retry(delay);
    }

    /** The count of hint-less 429 answers in a row after {@code error}, given the count before it. */
    public static int hintlessInARow(int before, Throwable error) {
        return isHintlessRateLimit(error) ? before + 1 : 0;
    }

    /**
     * Whether repeating the request may succeed: 408, 409, 429 (unless {@code insufficient_quota}), 5xx, a body cut
     * short, and transport failures ({@link SoraTransportException}: refused, reset, timed out), also on a result
     * URL ({@link io.github.camelsora.api.SoraFetchException#isTransient()}). Nothing else: a 4xx, an untrusted
     * certificate, a refused address or a local file that cannot be written does not change by asking again.
     */
    public static boolean isRetryable(Throwable error) {
        if (error instanceof SoraApiException api) {
            int status = api.getStatusCode();
            if ("insufficient_quota".equals(api.getErrorCode())) {
                return false;
            }
            return status == 408 || status == 409 || status == 429 || status >= 500
                   || "truncated_body".equals(api.getErrorCode());
        }
        if (error instanceof io.github.camelsora.api.SoraFetchException fetch) {
            return fetch.isTransient();
        }
        return error instanceof SoraTransportException;
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
