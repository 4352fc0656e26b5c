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
package io.github.camelsora;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.SoraBudgetExceededException;
import io.github.camelsora.api.VideoRequest;
import io.github.camelsora.job.PriceTable;
import io.github.camelsora.job.SpendingBudget;

/** Estimates what a request costs and keeps new jobs within the component's daily budget. */
final class CostControl {

    /** A reservation in the budget, given back if the job is never created. */
    record Reservation(BigDecimal estimatedCost, LocalDate day, SpendingBudget budget) {
        void release() {
            if (estimatedCost != null && budget != null) {
                budget.release(estimatedCost, day);
            }
        }

        /** {@code create}, giving the reservation back if it fails: a refused create created (and bills) nothing. */
        <T> CompletableFuture<T> releasedOnFailure(CompletableFuture<T> create) {
            return create.whenComplete((created, error) -> {
                if (error != null) {
                    release();
                }
            });
        }
    }

    private CostControl() {
    }

    /**
     * Estimates the request's cost and reserves it in the budget.
     *
     * @throws SoraBudgetExceededException when the budget would be exceeded, or a budget is set and the price table
     *                                     has no price for the request
     */
    static Reservation reserve(VideoRequest request, PriceTable prices, SpendingBudget budget) {
        BigDecimal cost = prices.estimate(request.model(), request.size(), request.seconds());
        if (budget == null || !budget.isLimited()) {
            return new Reservation(cost, null, null);
        }
        if (cost == null) {
            throw new SoraBudgetExceededException("No price for model " + request.model() + " at " + request.size()
                                                  + " in the price table, so the daily budget of $"
                                                  + budget.maxPerDay().toPlainString()
                                                  + " cannot be checked; add it with the priceTable option"
                                                  + " (e.g. priceTable=" + request.model() + "=0.10)",
                    null, budget.spentToday(), budget.maxPerDay());
        }
        LocalDate day = budget.today();
        BigDecimal spent = budget.tryReserve(cost);
        if (spent != null) {
            throw new SoraBudgetExceededException("Daily budget exceeded: this job is estimated at $"
                                                  + cost.toPlainString() + " and $" + spent.toPlainString()
                                                  + " of $" + budget.maxPerDay().toPlainString()
                                                  + " is already committed today (UTC); nothing was submitted."
                                                  + " Jobs already submitted go on.",
                    cost, spent, budget.maxPerDay());
        }
        return new Reservation(cost, day, budget);
    }
}
