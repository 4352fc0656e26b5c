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
package io.github.camelsora.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread-safe request counters, per video id and in total. */
final class SimulatorCounters {

    private static final class PerVideo {
        final AtomicInteger creates = new AtomicInteger();
        final AtomicInteger statusReads = new AtomicInteger();
        final AtomicInteger downloads = new AtomicInteger();
    }

    private final Map<String, PerVideo> perVideo = new ConcurrentHashMap<>();
    private final AtomicInteger totalCreates = new AtomicInteger();
    private final AtomicInteger totalStatusReads = new AtomicInteger();
    private final AtomicInteger totalDownloads = new AtomicInteger();
    private final AtomicInteger totalRequests = new AtomicInteger();

    void request() {
        totalRequests.incrementAndGet();
    }

    void created(String videoId) {
        of(videoId).creates.incrementAndGet();
        totalCreates.incrementAndGet();
    }

    void statusRead(String videoId) {
        of(videoId).statusReads.incrementAndGet();
        totalStatusReads.incrementAndGet();
    }

    void downloaded(String videoId) {
        of(videoId).downloads.incrementAndGet();
        totalDownloads.incrementAndGet();
    }

    VideoCounters forVideo(String videoId) {
        PerVideo counters = perVideo.get(videoId);
        if (counters == null) {
            return VideoCounters.NONE;
        }
        return new VideoCounters(counters.creates.get(), counters.statusReads.get(), counters.downloads.get());
    }

    int totalCreates() {
        return totalCreates.get();
    }

    int totalStatusReads() {
        return totalStatusReads.get();
    }

    int totalDownloads() {
        return totalDownloads.get();
    }

    int totalRequests() {
        return totalRequests.get();
    }

    void clear() {
        perVideo.clear();
        totalCreates.set(0);
        totalStatusReads.set(0);
        totalDownloads.set(0);
        totalRequests.set(0);
    }

    private PerVideo of(String videoId) {
        return perVideo.computeIfAbsent(videoId, id -> new PerVideo());
    }
}
