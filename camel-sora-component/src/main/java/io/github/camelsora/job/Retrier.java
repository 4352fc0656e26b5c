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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraQuotaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats an asynchronous request by a {@link RetryPolicy}, waiting on the shared timer (no thread sleeps), never
 * past a deadline. Only for requests that are safe to repeat: a create goes through {@link JobRunner}, which
 * reconciles an unknown outcome first.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final ScheduledExecutorService timer;

    public Retrier(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * @param what          names the request in logs and errors, e.g. "download video_123"
     * @param deadlineNanos {@link System#nanoTime()} after which no retry starts
     */
    public <T> CompletableFuture<T> call(String what, RetryPolicy policy, long deadlineNanos,
                                         Supplier<CompletableFuture<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        new Attempts<>(what, policy, deadlineNanos, attempt, result).run();
        return result;
    }

    static Throwable unwrap(Throwable error) {
        while (error instanceof CompletionException && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    private final class Attempts<T> {
        final String what;
        final RetryPolicy policy;
        final long deadlineNanos;
        final Supplier<CompletableFuture<T>> attempt;
        final CompletableFuture<T> result;
        int retries;
        int hintlessRateLimits;

        Attempts(String what, RetryPolicy policy, long deadlineNanos, Supplier<CompletableFuture<T>> attempt,
                 CompletableFuture<T> result) {
            this.what = what;
            this.policy = policy;
            this.deadlineNanos = deadlineNanos;
            this.attempt = attempt;
            this.result = result;
        }

        void run() {
            CompletableFuture<T> call;
            try {
                call = attempt.get();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            call.whenComplete((value, error) -> {
                if (error == null) {
                    result.complete(value);
                } else {
                    onError(unwrap(error));
                }
            });
        }

        void onError(Throwable error) {
            if (RetryPolicy.isQuota(error)) {
                result.completeExceptionally(new SoraQuotaException(what, (SoraApiException) error, 1));
                return;
            }
            if (!RetryPolicy.isRetryable(error) || retries >= policy.maxRetries()) {
                result.completeExceptionally(error);
                return;
            }
            if (RetryPolicy.isHintlessRateLimit(error)) {
                hintlessRateLimits++;
                if (hintlessRateLimits >= policy.quotaAfter()) {
                    result.completeExceptionally(
                            new SoraQuotaException(what, (SoraApiException) error, hintlessRateLimits));
                    return;
                }
            } else {
                hintlessRateLimits = 0;
            }
            retries++;
            Duration delay = policy.delay(retries, error);
            if (System.nanoTime() + delay.toNanos() > deadlineNanos) {
                result.completeExceptionally(error);
                return;
            }
            LOG.warn("{} failed ({}); retry {} of {} in {} ms", what, error.getMessage(), retries,
                    policy.maxRetries(), delay.toMillis());
            try {
                timer.schedule(this::run, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                result.completeExceptionally(error);
            }
        }
    }
}
