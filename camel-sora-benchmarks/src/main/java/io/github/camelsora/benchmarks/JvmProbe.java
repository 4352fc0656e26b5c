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
package io.github.camelsora.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;

/** Threads, heap and CPU of this JVM. */
final class JvmProbe {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.OperatingSystemMXBean os
            = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private int baselineThreads;
    private volatile long peakHeapAfterGc;

    /** Remembers the live threads now; {@link #threadsAdded()} counts from here. */
    void baseline() {
        System.gc();
        baselineThreads = threads.getThreadCount();
        threads.resetPeakThreadCount();
        peakHeapAfterGc = 0;
    }

    int baselineThreads() {
        return baselineThreads;
    }

    /** Peak live threads since {@link #baseline()}, minus the baseline. */
    int threadsAdded() {
        return threads.getPeakThreadCount() - baselineThreads;
    }

    /** A full collection, then the heap in use: what the work in flight really holds. */
    long heapAfterGc() {
        System.gc();
        long used = memory.getHeapMemoryUsage().getUsed();
        peakHeapAfterGc = Math.max(peakHeapAfterGc, used);
        return used;
    }

    long peakHeapAfterGc() {
        return peakHeapAfterGc;
    }

    long cpuNanos() {
        return os.getProcessCpuTime();
    }
}
