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
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import io.github.camelsora.api.SoraBudgetExceededException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** maxSpendPerDay kept in durable job stores: it survives a restart, and nodes sharing JDBC share one budget. */
class SpendLedgerIT {

    private static final PolicyGateway.Charge JOB = new PolicyGateway.Charge(new BigDecimal("0.40"), "sora-2, 4 s");
    private static final BigDecimal LIMIT = new BigDecimal("1.00");

    @TempDir
    Path directory;

    private static JdbcJobStore h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return new JdbcJobStore(h2);
    }

    @Test
    void twoNodesSharingAJdbcStoreShareOneBudget() throws Exception {
        JdbcJobStore store = h2("spend_nodes");
        SpendingBudget nodeA = new SpendingBudget(LIMIT, Clock.systemUTC(), store);
        SpendingBudget nodeB = new SpendingBudget(LIMIT, Clock.systemUTC(), h2("spend_nodes"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                SpendingBudget node = i % 2 == 0 ? nodeA : nodeB;
                attempts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        node.reserve(JOB);
                        return true;
                    } catch (SoraBudgetExceededException e) {
                        return false;
                    }
                }, pool));
            }
            long reserved = attempts.stream().filter(CompletableFuture::join).count();
            // $1.00 holds two $0.40 jobs, whichever node asks
            assertThat(reserved).isEqualTo(2);
            assertThat(nodeA.spentToday()).isEqualByComparingTo("0.80");
            assertThat(nodeB.spentToday()).isEqualByComparingTo("0.80");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReleasedReservationFreesItsShareForEveryNode() {
        JdbcJobStore store = h2("spend_release");
        SpendingBudget budget = new SpendingBudget(LIMIT, Clock.systemUTC(), store);
        SpendingBudget.Reservation first = budget.reserve(JOB);
        budget.reserve(JOB);
        assertThatThrownBy(() -> budget.reserve(JOB)).isInstanceOf(SoraBudgetExceededException.class);

        first.release();

        assertThat(new SpendingBudget(LIMIT, Clock.systemUTC(), store).spentToday()).isEqualByComparingTo("0.40");
        budget.reserve(JOB);
    }

    @Test
    void aFileStoreKeepsTheDaysSpendAcrossARestart() {
        SpendingBudget before = new SpendingBudget(LIMIT, Clock.systemUTC(), new FileJobStore(directory));
        before.reserve(JOB);
        before.reserve(JOB);

        SpendingBudget after = new SpendingBudget(LIMIT, Clock.systemUTC(), new FileJobStore(directory));

        assertThat(after.spentToday()).isEqualByComparingTo("0.80");
        assertThatThrownBy(() -> after.reserve(JOB)).isInstanceOf(SoraBudgetExceededException.class);
        // the spend file is not taken for a job record
        assertThat(new FileJobStore(directory).holdsVideo("spend")).isFalse();
    }
}
