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

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One contract, four stores: in memory, files, H2 and a real PostgreSQL. */
class JobStoresIT {

    private static EmbeddedPostgres postgres;
    @TempDir
    static Path temp;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static JobStore store(String kind) {
        String table = "jobs_" + System.nanoTime();
        return switch (kind) {
            case "memory" -> new InMemoryJobStore();
            case "file" -> new FileJobStore(temp.resolve(table));
            case "h2" -> {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:mem:" + table + ";DB_CLOSE_DELAY=-1");
                yield new JdbcJobStore(h2, table, true);
            }
            case "postgres" -> new JdbcJobStore(postgres.dataSource(), table, true);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file", "h2", "postgres"})
    void recordsTheLifeOfAJob(String kind) {
        JobStore store = store(kind);
        JobRecord claim = JobRecord.claim("file:/in/a.txt@1#10", "fp1", "node-a", now());

        assertThat(store.claim(claim)).isEmpty();
        assertThat(store.claim(JobRecord.claim("file:/in/a.txt@1#10", "fp1", "node-b", now())))
                .hasValueSatisfying(r -> assertThat(r.owner()).isEqualTo("node-a"));
        assertThat(store.find(claim.key())).hasValueSatisfying(r -> assertThat(r.isFinished()).isFalse());

        JobRecord created = claim.created("video_1", "queued", "node-a", now());
        store.update(created);
        assertThat(store.find(claim.key())).hasValue(created);
        assertThat(store.holdsVideo("video_1")).isTrue();
        assertThat(store.holdsVideo("video_2")).isFalse();

        JobRecord delivered = created.delivered("/out/video_1.mp4", now());
        store.update(delivered);
        assertThat(store.find(claim.key())).hasValue(delivered);
        assertThat(store.find(claim.key())).hasValueSatisfying(r -> assertThat(r.isFinished()).isTrue());

        assertThat(store.purgeFinishedBefore(now().plusSeconds(1))).isEqualTo(1);
        assertThat(store.find(claim.key())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file", "h2", "postgres"})
    void exactlyOneOfManyConcurrentClaimsWins(String kind) throws Exception {
        JobStore store = store(kind);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<JobRecord>>> claims = IntStream.range(0, 16)
                    .mapToObj(i -> (Callable<Optional<JobRecord>>) () ->
                            store.claim(JobRecord.claim("jms:ID:1", "fp", "node-" + i, now())))
                    .toList();
            long winners = 0;
            for (Future<Optional<JobRecord>> result : pool.invokeAll(claims)) {
                if (result.get().isEmpty()) {
                    winners++;
                }
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file"})
    void aFileStoreSurvivesReopening(String kind) {
        Path dir = temp.resolve("reopen");
        FileJobStore first = new FileJobStore(dir);
        JobRecord failed = JobRecord.claim("k", "fp", "n", now()).created("video_9", "queued", "n", now())
                .failed("failed", "moderation_blocked", "Blocked = by moderation\nsecond line", now());
        first.claim(JobRecord.claim("k", "fp", "n", now()));
        first.update(failed);

        FileJobStore reopened = new FileJobStore(dir);

        assertThat(reopened.find("k")).hasValue(failed);
        assertThat(reopened.holdsVideo("video_9")).isTrue();
    }
}
