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

import io.github.camelsora.api.SoraBudgetExceededException;

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
    private final SpendLedger ledger;

    /** A reservation in the budget, given back if its job is never created. */
    public record Reservation(BigDecimal amount, LocalDate day, SpendingBudget budget) {
        public static final Reservation NONE = new Reservation(null, null, null);

        /** Gives the reservation back: the call created (and bills) nothing. */
        public void release() {
            if (amount != null && budget != null) {
                budget.release(amount, day);
            }
        }
    }

    /**
     * Reserves a billable call's estimated cost in today's budget, before anything is sent.
     *
     * @throws SoraBudgetExceededException when it would exceed the day's limit, or a limit is set and the call has
     *                                     no price (the price table lacks its model or size)
     */
    public Reservation reserve(PolicyGateway.Charge charge) {
        if (!isLimited()) {
            return Reservation.NONE;
        }
        BigDecimal cost = charge.estimatedCost();
        if (cost == null) {
            throw new SoraBudgetExceededException("No price for " + charge.item() + " in the price table, so the"
                                                  + " daily budget of $" + maxPerDay.toPlainString()
                                                  + " cannot be checked; add it with the priceTable option"
                                                  + " (e.g. priceTable=<model>=0.10)", null, spentToday(), maxPerDay);
        }
        LocalDate reservedOn = today();
        BigDecimal already = tryReserve(cost);
        if (already != null) {
            throw new SoraBudgetExceededException("Daily budget exceeded: this job is estimated at $"
                                                  + cost.toPlainString() + " and $" + already.toPlainString()
                                                  + " of $" + maxPerDay.toPlainString()
                                                  + " is already committed today (UTC); nothing was submitted."
                                                  + " Jobs already submitted go on.", cost, already, maxPerDay);
        }
        return new Reservation(cost, reservedOn, this);
    }

    /** @param maxPerDay the limit in US dollars; {@code null} or negative for no limit */
    public SpendingBudget(BigDecimal maxPerDay, Clock clock) {
        this(maxPerDay, clock, SpendLedger.inMemory());
    }

    /**
     * @param maxPerDay the limit in US dollars; {@code null} or negative for no limit
     * @param ledger    where the day's spend is kept (a durable job store keeps it across restarts and nodes)
     */
    public SpendingBudget(BigDecimal maxPerDay, Clock clock, SpendLedger ledger) {
        this.maxPerDay = maxPerDay == null || maxPerDay.signum() < 0 ? null : maxPerDay;
        this.clock = clock;
        this.ledger = ledger;
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
    public BigDecimal tryReserve(BigDecimal cost) {
        return ledger.tryAdd(today(), cost, maxPerDay == null ? new BigDecimal(Long.MAX_VALUE) : maxPerDay);
    }

    /** Gives back a reservation whose job was never created. */
    public void release(BigDecimal cost, LocalDate reservedOn) {
        ledger.subtract(reservedOn, cost);
    }

    /** What today's jobs are estimated to cost so far. */
    public BigDecimal spentToday() {
        return ledger.total(today());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
