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
import java.util.stream.Stream;

import io.github.camelsora.api.ApiError;
import io.github.camelsora.api.Deadline;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraQuotaException;
import io.github.camelsora.api.SoraTransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one retry decision, table-driven: the same answer for every operation. */
class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(1), 3);

    static SoraApiException http(int status, String code, Duration retryAfter) {
        return new SoraApiException("op", status, new ApiError("m", "t", null, code), "req_1", null, retryAfter);
    }

    static Stream<Arguments> table() {
        Deadline far = Deadline.in(Duration.ofHours(1));
        Deadline near = Deadline.in(Duration.ofMillis(1));
        SoraApiException hintless429 = http(429, null, null);
        return Stream.of(
                // error, retries so far, hint-less 429s in a row (this one included), until deadline, deadline, expected
                Arguments.of("503 first", http(503, null, null), 0, 0, false, far, "retry"),
                Arguments.of("503 after maxRetries", http(503, null, null), 2, 0, false, far, "give up: SoraApiException"),
                Arguments.of("503 status request after maxRetries", http(503, null, null), 7, 0, true, far, "retry"),
                Arguments.of("503 past the deadline", http(503, null, null), 0, 0, true, near, "give up: SoraApiException"),
                Arguments.of("400", http(400, "invalid_request", null), 0, 0, false, far, "give up: SoraApiException"),
                Arguments.of("404", http(404, null, null), 0, 0, true, far, "give up: SoraApiException"),
                Arguments.of("429 with hint", http(429, null, Duration.ofMillis(5)), 0, 0, false, far, "retry"),
                Arguments.of("429 hint-less, 1st", hintless429, 0, 1, false, far, "retry"),
                Arguments.of("429 hint-less, 2nd", hintless429, 1, 2, false, far, "retry"),
                // maxRetries=2 and quotaAfter=3: the third hint-less 429 is the quota, for every caller alike
                Arguments.of("429 hint-less, 3rd", hintless429, 2, 3, false, far, "give up: SoraQuotaException"),
                Arguments.of("429 hint-less, 3rd, status", hintless429, 2, 3, true, far, "give up: SoraQuotaException"),
                Arguments.of("insufficient_quota", http(429, "insufficient_quota", null), 0, 1, true, far,
                        "give up: SoraQuotaException"),
                Arguments.of("truncated body", http(200, "truncated_body", null), 0, 0, false, far, "retry"),
                Arguments.of("connection reset", new SoraTransportException("op", null, new IOException("reset"), true),
                        0, 0, false, far, "retry"),
                Arguments.of("local disk full", new SoraException("op failed on this machine", null,
                        new IOException("No space left on device")), 0, 0, false, far, "give up: SoraException"),
                Arguments.of("untrusted certificate", new SoraException("op failed", null,
                        new javax.net.ssl.SSLHandshakeException("PKIX")), 0, 0, false, far, "give up: SoraException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, Throwable error, int retries, int hintless, boolean untilDeadline, Deadline deadline,
                 String expected) {
        RetryPolicy.Decision decision = POLICY.decide("op", retries, hintless, error, deadline, untilDeadline);
        String actual = decision instanceof RetryPolicy.Retry ? "retry"
                : "give up: " + ((RetryPolicy.GiveUp) decision).error().getClass().getSimpleName();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void theServersHintWinsOverTheBackoff() {
        RetryPolicy.Decision decision = POLICY.decide("op", 0, 0, http(503, null, Duration.ofMillis(750)),
                Deadline.NONE, false);
        assertThat(decision).isEqualTo(new RetryPolicy.Retry(Duration.ofMillis(750)));
    }

    @Test
    void hintlessRateLimitsAreCountedInARow() {
        assertThat(RetryPolicy.hintlessInARow(2, http(429, null, null))).isEqualTo(3);
        assertThat(RetryPolicy.hintlessInARow(2, http(429, null, Duration.ofSeconds(1)))).isZero();
        assertThat(RetryPolicy.hintlessInARow(2, http(503, null, null))).isZero();
    }

    @Test
    void backoffDoublesUpToTheCapWithAtMostAQuarterOfJitter() {
        for (int retry = 1; retry <= 6; retry++) {
            long full = Math.min(100L << (retry - 1), 1000L);
            assertThat(POLICY.backoff(retry).toMillis()).isBetween(full - full / 4, full);
        }
    }
}
