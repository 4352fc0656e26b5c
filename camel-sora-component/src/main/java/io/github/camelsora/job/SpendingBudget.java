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
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A daily spending limit in US dollars, counted in UTC days. A job reserves its estimated cost before it is
 * submitted; the reservation is given back only when the submission itself failed (nothing was created, nothing is
 * billed). Jobs already submitted are never affected: the budget only decides about new ones.
 */
public final class SpendingBudget {

    private final BigDecimal maxPerDay;
    private final Clock clock;
    private LocalDate day;
    private BigDecimal spent = BigDecimal.ZERO;

    /** @param maxPerDay the limit in US dollars; {@code null} or negative for no limit */
    public SpendingBudget(BigDecimal maxPerDay, Clock clock) {
        this.maxPerDay = maxPerDay == null || maxPerDay.signum() < 0 ? null : maxPerDay;
        this.clock = clock;
        this.day = today();
    }

    public boolean isLimited() {
        return maxPerDay != null;
    }

    public BigDecimal maxPerDay() {
        return maxPerDay;
    }

    /**
     * Reserves {@code cost} in today's budget.
     *
     * @return {@code null} when reserved, else how much of today's budget is already spent or reserved
     */
    public synchronized BigDecimal tryReserve(BigDecimal cost) {
        rollOver();
        if (maxPerDay != null && spent.add(cost).compareTo(maxPerDay) > 0) {
            return spent;
        }
        spent = spent.add(cost);
        return null;
    }

    /** Gives back a reservation whose job was never created. */
    public synchronized void release(BigDecimal cost, LocalDate reservedOn) {
        if (reservedOn.equals(day)) {
            spent = spent.subtract(cost).max(BigDecimal.ZERO);
        }
    }

    /** What today's jobs are estimated to cost so far. */
    public synchronized BigDecimal spentToday() {
        rollOver();
        return spent;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private void rollOver() {
        LocalDate now = today();
        if (!now.equals(day)) {
            day = now;
            spent = BigDecimal.ZERO;
        }
    }
}
