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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the day's spend is kept. Durable job stores keep it too ({@link FileJobStore}, {@link JdbcJobStore}): then a
 * restart does not reset {@code maxSpendPerDay}, and nodes sharing one JDBC store share one budget. Amounts are US
 * dollars; days are UTC days.
 */
public interface SpendLedger {

    /**
     * Adds {@code amount} to the day's total unless the total would exceed {@code max}, atomically.
     *
     * @return {@code null} when added, else the day's total as it stands (nothing added)
     */
    BigDecimal tryAdd(LocalDate day, BigDecimal amount, BigDecimal max);

    /** Takes back {@code amount} of an earlier {@link #tryAdd} (never below zero). */
    void subtract(LocalDate day, BigDecimal amount);

    /** The day's total so far. */
    BigDecimal total(LocalDate day);

    /** A ledger in this JVM's memory (lost on restart); keeps the last few days. */
    static SpendLedger inMemory() {
        return new SpendLedger() {
            private final Map<LocalDate, BigDecimal> totals = new HashMap<>();

            @Override
            public synchronized BigDecimal tryAdd(LocalDate day, BigDecimal amount, BigDecimal max) {
                totals.keySet().removeIf(d -> d.isBefore(day.minusDays(2)));
                BigDecimal total = totals.getOrDefault(day, BigDecimal.ZERO);
                if (total.add(amount).compareTo(max) > 0) {
                    return total;
                }
                totals.put(day, total.add(amount));
                return null;
            }

            @Override
            public synchronized void subtract(LocalDate day, BigDecimal amount) {
                totals.computeIfPresent(day, (d, total) -> total.subtract(amount).max(BigDecimal.ZERO));
            }

            @Override
            public synchronized BigDecimal total(LocalDate day) {
                return totals.getOrDefault(day, BigDecimal.ZERO);
            }
        };
    }
}
