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
package io.github.camelsora.api;

import java.math.BigDecimal;

/**
 * A new job was refused before it was submitted because its estimated cost would take today's spending past the
 * budget (or the price table has no price for it while a budget is set). Nothing was sent or billed; jobs already
 * submitted go on.
 */
public class SoraBudgetExceededException extends SoraException {

    private final BigDecimal estimatedCost;
    private final BigDecimal spentToday;
    private final BigDecimal maxSpendPerDay;

    public SoraBudgetExceededException(String message, BigDecimal estimatedCost, BigDecimal spentToday,
                                       BigDecimal maxSpendPerDay) {
        super(message, null);
        this.estimatedCost = estimatedCost;
        this.spentToday = spentToday;
        this.maxSpendPerDay = maxSpendPerDay;
    }

    /** The estimate of the refused job in US dollars, or {@code null} when the price table had none. */
    public BigDecimal getEstimatedCost() {
        return estimatedCost;
    }

    /** What today's accepted jobs are estimated to cost, in US dollars. */
    public BigDecimal getSpentToday() {
        return spentToday;
    }

    public BigDecimal getMaxSpendPerDay() {
        return maxSpendPerDay;
    }
}
