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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.camelsora.api.ApiError;
import io.github.camelsora.api.Deadline;
import io.github.camelsora.api.SoraApiException;
import io.github.camelsora.api.SoraBudgetExceededException;
import io.github.camelsora.api.SoraException;
import io.github.camelsora.api.SoraQuotaException;
import io.github.camelsora.api.SoraTransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The policy layer: retries, reconciliation of billable calls, budget, limits. */
class PolicyGatewayTest {

    private static final RetryPolicy RETRY = new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20), 3);
    private static final PolicyGateway.Charge CHARGE = new PolicyGateway.Charge(new BigDecimal("0.40"), "sora-2");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final SpendingBudget budget = new SpendingBudget(new BigDecimal("1.00"), Clock.systemUTC());
    private final PolicyGateway gateway = new PolicyGateway(new Limiter(0, 0, 10, timer), RETRY, budget, null, timer);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** Answers the queued outcomes in turn, counting attempts. */
    static final class Script implements Function<Deadline, CompletableFuture<String>> {
        final Deque<Object> outcomes;
        final AtomicInteger attempts = new AtomicInteger();

        Script(Object... outcomes) {
            this.outcomes = new ArrayDeque<>(List.of(outcomes));
        }

        @Override
        public CompletableFuture<String> apply(Deadline deadline) {
            attempts.incrementAndGet();
            Object next = outcomes.size() > 1 ? outcomes.poll() : outcomes.peek();
            return next instanceof Throwable t ? CompletableFuture.failedFuture(t)
                    : CompletableFuture.completedFuture((String) next);
        }
    }

    static SoraApiException http(int status) {
        return new SoraApiException("create video", status, new ApiError("m", "t", null, null), "req_1", null);
    }

    static SoraTransportException lost() {
        return new SoraTransportException("create video", null, new java.io.IOException("reset"), true);
    }

    static Throwable failure(CompletableFuture<?> future) {
        return PolicyGateway.unwrap(org.assertj.core.api.Assertions.catchThrowable(
                () -> future.get(5, TimeUnit.SECONDS)).getCause());
    }

    @Test
    void aRefusedCreateCreatedNothingAndGivesTheBudgetBack() {
        Script create = new Script(http(400));

        Throwable error = failure(gateway.create("create video", Deadline.NONE, CHARGE, create, e -> {
            throw new AssertionError("a refusal is never reconciled");
        }));

        assertThat(error).isInstanceOfSatisfying(SoraException.class, e -> {
            assertThat(e.getJobExistence()).isEqualTo(SoraException.JobExistence.NOT_CREATED);
            assertThat(e.mayHaveCreatedJob()).isFalse();
        });
        assertThat(create.attempts).hasValue(1);
        assertThat(budget.spentToday()).isEqualByComparingTo("0");
    }

    @Test
    void aRateLimitedCreateIsRepeatedAndKeepsItsReservation() throws Exception {
        Script create = new Script(http(429), "video_1");

        assertThat(gateway.create("create video", Deadline.NONE, CHARGE, create, null).get(5, TimeUnit.SECONDS))
                .isEqualTo("video_1");
        assertThat(create.attempts).hasValue(2);
        assertThat(budget.spentToday()).isEqualByComparingTo("0.40");
    }

    @Test
    void anUnknownOutcomeIsReconciledNeverSimplyRepeated() throws Exception {
        Script create = new Script(lost(), "video_new");
        AtomicInteger asked = new AtomicInteger();

        String found = gateway.create("create video", Deadline.NONE, CHARGE, create, error -> {
            asked.incrementAndGet();
            return CompletableFuture.completedFuture(Optional.of("video_found"));
        }).get(5, TimeUnit.SECONDS);

        assertThat(found).isEqualTo("video_found");
        assertThat(create.attempts).as("never sent twice").hasValue(1);
        assertThat(asked).hasValue(1);
    }

    @Test
    void anUnknownOutcomeIsRepeatedOnlyWhenTheServerProvesItHasNoJob() throws Exception {
        Script create = new Script(http(502), "video_2");

        assertThat(gateway.create("create video", Deadline.NONE, CHARGE, create,
                error -> CompletableFuture.completedFuture(Optional.empty())).get(5, TimeUnit.SECONDS))
                .isEqualTo("video_2");
        assertThat(create.attempts).hasValue(2);
    }

    @Test
    void withoutProofAnUnknownOutcomeFailsAsUnknownAndKeepsItsReservation() {
        Script create = new Script(lost());

        Throwable error = failure(gateway.create("create video", Deadline.NONE, CHARGE, create,
                e -> CompletableFuture.failedFuture(http(503))));

        assertThat(error).isInstanceOfSatisfying(SoraException.class,
                e -> assertThat(e.getJobExistence()).isEqualTo(SoraException.JobExistence.UNKNOWN));
        assertThat(create.attempts).hasValue(1);
        assertThat(budget.spentToday()).isEqualByComparingTo("0.40");
    }

    @Test
    void aBillableCallWithoutAWayToReconcileIsNeverRepeatedAfterAnUnknownOutcome() {
        Script create = new Script(http(500), "never");

        Throwable error = failure(gateway.create("remix", Deadline.NONE, CHARGE, create, null));

        assertThat(error).isInstanceOfSatisfying(SoraApiException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(500);
            assertThat(e.getJobExistence()).isEqualTo(SoraException.JobExistence.UNKNOWN);
        });
        assertThat(create.attempts).hasValue(1);
    }

    @Test
    void overBudgetNothingIsSent() {
        Script create = new Script("video_1");
        budget.reserve(new PolicyGateway.Charge(new BigDecimal("0.80"), "first"));

        Throwable error = failure(gateway.create("create video", Deadline.NONE, CHARGE, create, null));

        assertThat(error).isInstanceOf(SoraBudgetExceededException.class);
        assertThat(((SoraException) error).mayHaveCreatedJob()).isFalse();
        assertThat(create.attempts).hasValue(0);
    }

    @Test
    void repeatableCallsFollowTheOneDecision() {
        Script read = new Script(http(429));

        Throwable error = failure(gateway.call("retrieve video", PolicyGateway.Kind.READ, Deadline.NONE, read));

        // maxRetries=2 and quotaAfter=3: three hint-less 429s are the quota, as for creates and status waits
        assertThat(error).isInstanceOf(SoraQuotaException.class);
        assertThat(read.attempts).hasValue(3);
    }

    @Test
    void everyAttemptPassesTheRateLimit() {
        PolicyGateway limited = new PolicyGateway(new Limiter(0, 2, 10, timer), RETRY, null, null, timer);
        Script read = new Script("ok");
        CompletableFuture<String> first = limited.call("list", PolicyGateway.Kind.READ, Deadline.NONE, read);
        CompletableFuture<String> second = limited.call("list", PolicyGateway.Kind.READ, Deadline.NONE, read);
        CompletableFuture<String> third = limited.call("list", PolicyGateway.Kind.READ, Deadline.NONE, read);

        await().atMost(Duration.ofSeconds(5)).until(() -> first.isDone() && second.isDone());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !third.isDone());
        assertThat(read.attempts).hasValue(2);
    }

    @Test
    void theDeadlineReachesTheAttempt() throws Exception {
        Deadline deadline = Deadline.in(Duration.ofSeconds(3));
        CompletableFuture<Deadline> seen = new CompletableFuture<>();

        gateway.call("retrieve video", PolicyGateway.Kind.STATUS, deadline, d -> {
            seen.complete(d);
            return CompletableFuture.completedFuture("ok");
        }).get(5, TimeUnit.SECONDS);

        assertThat(seen.get()).isEqualTo(deadline);
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
