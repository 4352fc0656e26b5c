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

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import io.github.camelsora.api.SoraRejectedException;

/**
 * Backpressure for one provider and key: at most {@code maxConcurrentJobs} jobs between create and delivery, and at
 * most {@code maxRequestsPerMinute} HTTP requests in any sliding minute. Callers that must wait get a future, not
 * a blocked thread, and are served in FIFO order; beyond {@code maxWaiting} waiting jobs, a new one is rejected at
 * once with {@link SoraRejectedException}. A limit of 0 means unlimited.
 */
public final class Limiter {

    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int maxConcurrentJobs;
    private final int maxRequestsPerMinute;
    private final int maxWaiting;
    private final ScheduledExecutorService timer;
    private final LongSupplier nanoClock;

    private final Deque<CompletableFuture<Permit>> jobWaiters = new ArrayDeque<>();
    private final Deque<CompletableFuture<Void>> requestWaiters = new ArrayDeque<>();
    private final Deque<Long> recentRequests = new ArrayDeque<>();
    private int runningJobs;
    private boolean drainScheduled;

    /**
     * The limits of one server and key.
     *
     * @param maxConcurrentJobs    jobs between create and delivery at once (0: unlimited)
     * @param maxRequestsPerMinute HTTP requests in any sliding minute (0: unlimited)
     * @param maxWaiting           exchanges waiting for a job slot before new ones are rejected
     */
    public record Limits(int maxConcurrentJobs, int maxRequestsPerMinute, int maxWaiting) {
    }

    public Limiter(Limits limits, ScheduledExecutorService timer) {
        this(limits.maxConcurrentJobs(), limits.maxRequestsPerMinute(), limits.maxWaiting(), timer);
    }

    /** The limits this limiter enforces. */
    public Limits limits() {
        return new Limits(maxConcurrentJobs, maxRequestsPerMinute, maxWaiting);
    }

    public Limiter(int maxConcurrentJobs, int maxRequestsPerMinute, int maxWaiting, ScheduledExecutorService timer) {
        this(maxConcurrentJobs, maxRequestsPerMinute, maxWaiting, timer, System::nanoTime);
    }

    Limiter(int maxConcurrentJobs, int maxRequestsPerMinute, int maxWaiting, ScheduledExecutorService timer,
            LongSupplier nanoClock) {
        this.maxConcurrentJobs = maxConcurrentJobs;
        this.maxRequestsPerMinute = maxRequestsPerMinute;
        this.maxWaiting = maxWaiting;
        this.timer = timer;
        this.nanoClock = nanoClock;
    }

    /** A job slot, held from before the create until the job is delivered or given up; release it exactly once. */
    public final class Permit {
        private final AtomicBoolean released = new AtomicBoolean();

        public void release() {
            if (released.compareAndSet(false, true)) {
                releaseJob();
            }
        }
    }

    /** Completes with a permit when a job slot is free; fails at once when too many already wait. */
    public CompletableFuture<Permit> acquireJob() {
        CompletableFuture<Permit> waiter = new CompletableFuture<>();
        synchronized (this) {
            if (maxConcurrentJobs <= 0 || (runningJobs < maxConcurrentJobs && jobWaiters.isEmpty())) {
                runningJobs++;
                waiter.complete(new Permit());
                return waiter;
            }
            if (jobWaiters.size() >= maxWaiting) {
                waiter.completeExceptionally(new SoraRejectedException("Rejected: " + jobWaiters.size()
                        + " exchanges already wait for one of the " + maxConcurrentJobs
                        + " job slots of this provider and key (maxWaitingJobs=" + maxWaiting + "); nothing was sent"));
                return waiter;
            }
            jobWaiters.addLast(waiter);
        }
        return waiter;
    }

    private void releaseJob() {
        CompletableFuture<Permit> next;
        synchronized (this) {
            next = jobWaiters.pollFirst();
            if (next == null) {
                runningJobs--;
                return;
            }
        }
        // the slot passes straight to the oldest waiter; completed outside the lock
        next.complete(new Permit());
    }

    /** Completes when one more HTTP request fits in the per-minute budget. */
    public CompletableFuture<Void> request() {
        if (maxRequestsPerMinute <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        synchronized (this) {
            requestWaiters.addLast(waiter);
        }
        drainRequests();
        return waiter;
    }

    private void drainRequests() {
        Deque<CompletableFuture<Void>> ready = new ArrayDeque<>();
        synchronized (this) {
            long now = nanoClock.getAsLong();
            while (!recentRequests.isEmpty() && now - recentRequests.peekFirst() >= MINUTE_NANOS) {
                recentRequests.pollFirst();
            }
            while (!requestWaiters.isEmpty() && recentRequests.size() < maxRequestsPerMinute) {
                recentRequests.addLast(now);
                ready.add(requestWaiters.pollFirst());
            }
            if (!requestWaiters.isEmpty() && !drainScheduled) {
                drainScheduled = true;
                long wait = Math.max(1, MINUTE_NANOS - (now - recentRequests.peekFirst()));
                try {
                    timer.schedule(() -> {
                        synchronized (this) {
                            drainScheduled = false;
                        }
                        drainRequests();
                    }, wait, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException stopped) {
                    drainScheduled = false;
                    requestWaiters.forEach(w -> w.completeExceptionally(
                            new io.github.camelsora.api.SoraException("Stopped while waiting to send a request", null)));
                    requestWaiters.clear();
                }
            }
        }
        ready.forEach(w -> w.complete(null));
    }

    /** Exchanges waiting for a job slot plus requests waiting for room in the per-minute budget (JMX). */
    public synchronized int queueLength() {
        return jobWaiters.size() + requestWaiters.size();
    }

    /** Jobs holding a slot. */
    public synchronized int runningJobs() {
        return maxConcurrentJobs <= 0 ? -1 : runningJobs;
    }
}
