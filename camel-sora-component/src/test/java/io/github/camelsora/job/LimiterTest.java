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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelsora.api.SoraRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimiterTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void jobSlotsPassToWaitersInFifoOrderAndRejectBeyondTheQueue() {
        Limiter limiter = new Limiter(2, 0, 2, timer);
        CompletableFuture<Limiter.Permit> a = limiter.acquireJob();
        CompletableFuture<Limiter.Permit> b = limiter.acquireJob();
        CompletableFuture<Limiter.Permit> c = limiter.acquireJob();
        CompletableFuture<Limiter.Permit> d = limiter.acquireJob();
        CompletableFuture<Limiter.Permit> e = limiter.acquireJob();

        assertThat(a).isDone();
        assertThat(b).isDone();
        assertThat(c).isNotDone();
        assertThat(d).isNotDone();
        assertThat(e).isCompletedExceptionally();
        assertThat(e.handle((p, error) -> error).join()).isInstanceOf(SoraRejectedException.class)
                .hasMessageContaining("maxWaitingJobs=2");

        b.join().release();
        b.join().release(); // a second release changes nothing
        assertThat(c).isDone();
        assertThat(d).isNotDone();
        a.join().release();
        assertThat(d).isDone();
        assertThat(limiter.runningJobs()).isEqualTo(2);
        c.join().release();
        d.join().release();
        assertThat(limiter.runningJobs()).isZero();
    }

    @Test
    void requestsBeyondThePerMinuteBudgetWaitForTheWindowToMove() {
        AtomicLong now = new AtomicLong();
        Limiter limiter = new Limiter(0, 3, 10, timer, now::get);
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            requests.add(limiter.request());
        }
        assertThat(requests.subList(0, 3)).allMatch(CompletableFuture::isDone);
        assertThat(requests.subList(3, 5)).noneMatch(CompletableFuture::isDone);

        now.addAndGet(TimeUnit.SECONDS.toNanos(61));
        // the scheduled drain runs within the real minute; ask again to drain now that the clock moved
        CompletableFuture<Void> sixth = limiter.request();

        assertThat(requests.subList(3, 5)).allMatch(CompletableFuture::isDone);
        assertThat(sixth).isDone();
    }
}
