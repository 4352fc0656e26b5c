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

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.camelsora.api.Deadline;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one policy layer every call to a provider passes through, once, whatever the operation: the request-rate
 * limit ({@link Limiter#request()}), the one retry decision ({@link RetryPolicy#decide}), the budget on every
 * billable call ({@link SpendingBudget}), the request counter, and the deadline handed to the request itself (so it
 * is cancelled in flight). Waits between attempts are tasks on the shared timer: no thread sleeps.
 * <p>
 * A billable call ({@link #create}) differs in one way only: a failure whose outcome is unknown (a 5xx, a connection
 * lost after sending, a deadline in flight) is never simply repeated; the caller's {@code reconcile} asks the
 * server first, and only a proof that nothing was created allows a new attempt. Every failure that leaves it says
 * whether a job may exist ({@link SoraException#getJobExistence()}); the budget reservation is given back only when
 * nothing was created.
 */
public final class PolicyGateway {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyGateway.class);

    /** What kind of call: decides how failures are repeated. */
    public enum Kind {
        /** Retrieve, list, get character, delete: repeated by the retry policy. */
        READ,
        /** A status request of a wait: repeated until the wait's deadline (status requests cost nothing). */
        STATUS,
        /** A download: repeated by the retry policy, within the download's deadline. */
        DOWNLOAD
    }

    /** The budget's charge for one billable call: its estimated cost (null: no price known) and what it is. */
    public record Charge(BigDecimal estimatedCost, String item) {
        public static final Charge NONE = new Charge(null, null);
    }

    private final Limiter limiter;
    private final RetryPolicy retry;
    private final SpendingBudget budget;
    private final JobMetrics metrics;
    private final ScheduledExecutorService timer;

    public PolicyGateway(Limiter limiter, RetryPolicy retry, SpendingBudget budget, JobMetrics metrics,
                         ScheduledExecutorService timer) {
        this.limiter = limiter;
        this.retry = retry;
        this.budget = budget;
        this.metrics = metrics == null ? JobMetrics.NONE : metrics;
        this.timer = timer;
    }

    public RetryPolicy retryPolicy() {
        return retry;
    }

    public Limiter limiter() {
        return limiter;
    }

    /**
     * One call that is safe to repeat: limited, repeated by the retry decision, each attempt given
     * {@code deadline}.
     *
     * @param what names the call in logs and errors, e.g. "retrieve video"
     */
    public <T> CompletableFuture<T> call(String what, Kind kind, Deadline deadline,
                                         Function<Deadline, CompletableFuture<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        new Attempts<>(what, kind == Kind.STATUS, deadline, attempt, null, result).run();
        return result;
    }

    /**
     * One billable call (create, remix, edit, extend): the charge is reserved in the day's budget first (a
     * {@link io.github.camelsora.api.SoraBudgetExceededException} when it does not fit; nothing is sent), refusals
     * are repeated by the retry decision, and an unknown outcome is reconciled before any repeat.
     *
     * @param reconcile asked after an unknown outcome, before a repeat: the job the server made for this call, if
     *                  any (a failed future when the server cannot tell: then nothing is repeated); null when the
     *                  provider offers no way to find out, so an unknown outcome is never repeated
     */
    public <T> CompletableFuture<T> create(String what, Deadline deadline, Charge charge,
                                           Function<Deadline, CompletableFuture<T>> attempt,
                                           Function<Throwable, CompletableFuture<Optional<T>>> reconcile) {
        SpendingBudget.Reservation reservation;
        try {
            reservation = budget == null ? SpendingBudget.Reservation.NONE : budget.reserve(charge);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        new Attempts<>(what, false, deadline, attempt, reconcile == null ? Attempts.never() : reconcile, result)
                .run();
        return result.whenComplete((created, error) -> {
            if (error != null && !mayHaveCreated(error)) {
                reservation.release(); // the server provably created (and bills) nothing
            }
        });
    }

    /**
     * Whether a failed billable call may have created a job: a 5xx, or a transport failure after the request was
     * sent. A 4xx answer, or a connection never made, created nothing.
     */
    public static boolean outcomeUnknown(Throwable failure) {
        if (failure instanceof SoraApiException api) {
            return api.getStatusCode() >= 500;
        }
        return failure instanceof SoraTransportException transport && transport.isOutcomeUnknown();
    }

    private static boolean mayHaveCreated(Throwable error) {
        Throwable failure = unwrap(error);
        return failure instanceof SoraException sora ? sora.mayHaveCreatedJob() : outcomeUnknown(failure);
    }

    public static Throwable unwrap(Throwable error) {
        while (error instanceof CompletionException && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    /** The attempts of one call. */
    private final class Attempts<T> {
        final String what;
        final boolean untilDeadline;
        final Deadline deadline;
        final Function<Deadline, CompletableFuture<T>> attempt;
        /** null for calls that are safe to repeat; set for billable ones. */
        final Function<Throwable, CompletableFuture<Optional<T>>> reconcile;
        final CompletableFuture<T> result;
        int retries;
        int hintless;

        Attempts(String what, boolean untilDeadline, Deadline deadline, Function<Deadline, CompletableFuture<T>> attempt,
                 Function<Throwable, CompletableFuture<Optional<T>>> reconcile, CompletableFuture<T> result) {
            this.what = what;
            this.untilDeadline = untilDeadline;
            this.deadline = deadline;
            this.attempt = attempt;
            this.reconcile = reconcile;
            this.result = result;
        }

        static <T> Function<Throwable, CompletableFuture<Optional<T>>> never() {
            return error -> CompletableFuture.failedFuture(error);
        }

        void run() {
            if (result.isDone()) {
                return;
            }
            limiter.request().thenCompose(ready -> {
                metrics.requestSent(what);
                return attempt.apply(deadline);
            }).whenComplete((value, error) -> {
                if (error == null) {
                    result.complete(value);
                } else {
                    onError(unwrap(error));
                }
            });
        }

        void onError(Throwable error) {
            hintless = RetryPolicy.hintlessInARow(hintless, error);
            RetryPolicy.Decision decision = retry.decide(what, retries, hintless, error, deadline, untilDeadline);
            boolean billable = reconcile != null;
            boolean unknown = billable && outcomeUnknown(error);
            if (decision instanceof RetryPolicy.GiveUp giveUp) {
                Throwable failure = giveUp.error();
                if (billable && failure instanceof SoraException sora) {
                    sora.withJobExistence(unknown ? SoraException.JobExistence.UNKNOWN
                            : sora.getVideoId() != null ? SoraException.JobExistence.CREATED
                            : SoraException.JobExistence.NOT_CREATED);
                }
                result.completeExceptionally(failure);
                return;
            }
            Duration delay = ((RetryPolicy.Retry) decision).delay();
            retries++;
            if (!unknown) {
                LOG.warn("{} failed ({}); retry {} in {} ms", what, error.getMessage(), retries, delay.toMillis());
                later(delay, this::run);
                return;
            }
            // a billable call that may have reached the server: ask it after the backoff (a slow server may still be
            // creating the job we gave up on), and repeat only when it has no such job
            LOG.warn("{} has an unknown outcome ({}); asking the server in {} ms, before any new attempt", what,
                    error.getMessage(), delay.toMillis());
            later(delay, () -> reconcile.apply(error).whenComplete((found, listError) -> {
                if (listError != null) {
                    LOG.warn("{}: the server cannot tell whether it created a job ({}); not sending again", what,
                            unwrap(listError).getMessage());
                    if (error instanceof SoraException sora) {
                        sora.withJobExistence(SoraException.JobExistence.UNKNOWN);
                    }
                    result.completeExceptionally(error);
                } else if (found.isPresent()) {
                    result.complete(found.get());
                } else {
                    run();
                }
            }));
        }

        private void later(Duration delay, Runnable next) {
            try {
                timer.schedule(next, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                result.completeExceptionally(new SoraException("Stopped before " + what + " could be repeated",
                        null));
            }
        }
    }
}
