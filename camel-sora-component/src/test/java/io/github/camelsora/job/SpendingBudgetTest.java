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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpendingBudgetTest {

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void refusesWhatWouldGoPastTheLimitAndStartsAgainTheNextUtcDay() {
        MovableClock clock = new MovableClock(ZonedDateTime.of(2026, 11, 23, 23, 0, 0, 0, ZoneOffset.UTC).toInstant());
        SpendingBudget budget = new SpendingBudget(new BigDecimal("1.00"), clock);

        assertThat(budget.tryReserve(new BigDecimal("0.40"))).isNull();
        assertThat(budget.tryReserve(new BigDecimal("0.60"))).isNull();
        assertThat(budget.tryReserve(new BigDecimal("0.01"))).isEqualByComparingTo("1.00");
        assertThat(budget.spentToday()).isEqualByComparingTo("1.00");

        clock.now = clock.now.plusSeconds(3600);
        assertThat(budget.spentToday()).isEqualByComparingTo("0");
        assertThat(budget.tryReserve(new BigDecimal("0.80"))).isNull();
    }

    @Test
    void aReleasedReservationFreesItsShareOnlyOnItsOwnDay() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
        SpendingBudget budget = new SpendingBudget(new BigDecimal("1.00"), clock);
        assertThat(budget.tryReserve(new BigDecimal("0.80"))).isNull();
        budget.release(new BigDecimal("0.80"), budget.today());
        assertThat(budget.spentToday()).isEqualByComparingTo("0");

        assertThat(budget.tryReserve(new BigDecimal("0.50"))).isNull();
        var yesterday = budget.today();
        clock.now = clock.now.plusSeconds(86_400);
        assertThat(budget.tryReserve(new BigDecimal("0.30"))).isNull();
        budget.release(new BigDecimal("0.50"), yesterday);
        assertThat(budget.spentToday()).isEqualByComparingTo("0.30");
    }

    @Test
    void withoutALimitEverythingPasses() {
        SpendingBudget budget = new SpendingBudget(null, Clock.systemUTC());
        assertThat(budget.isLimited()).isFalse();
        assertThat(budget.tryReserve(new BigDecimal("1000000"))).isNull();
    }
}
