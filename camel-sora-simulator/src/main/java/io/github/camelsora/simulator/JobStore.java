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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongFunction;

/**
 * The live jobs, by id and in creation order. Deleted jobs leave the store but keep their position,
 * so an {@code after} cursor naming a deleted id still paginates correctly.
 */
final class JobStore {

    private final Map<String, VideoJob> byId = new ConcurrentHashMap<>();
    private final NavigableMap<Long, VideoJob> bySequence = new ConcurrentSkipListMap<>();
    private final Map<String, Long> sequenceOfEveryCreatedId = new ConcurrentHashMap<>();
    private final List<String> createdIds = new ArrayList<>();
    private long nextSequence;

    /** Builds the job with the next sequence number and stores it; atomic so creation order is total. */
    synchronized VideoJob add(LongFunction<VideoJob> jobForSequence) {
        VideoJob job = jobForSequence.apply(nextSequence++);
        byId.put(job.id(), job);
        bySequence.put(job.sequence(), job);
        sequenceOfEveryCreatedId.put(job.id(), job.sequence());
        createdIds.add(job.id());
        return job;
    }

    Optional<VideoJob> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<VideoJob> remove(String id) {
        VideoJob job = byId.remove(id);
        if (job != null) {
            bySequence.remove(job.sequence());
        }
        return Optional.ofNullable(job);
    }

    /** Sequence of any id ever created (even deleted), or empty for an unknown id. */
    Optional<Long> sequenceOf(String id) {
        return Optional.ofNullable(sequenceOfEveryCreatedId.get(id));
    }

    /** Live jobs in the given order, strictly after the given sequence (null: from the start). */
    Iterable<VideoJob> page(boolean ascending, Long afterSequence) {
        NavigableMap<Long, VideoJob> ordered = ascending ? bySequence : bySequence.descendingMap();
        return afterSequence == null ? ordered.values() : ordered.tailMap(afterSequence, false).values();
    }

    synchronized List<String> createdIds() {
        return List.copyOf(createdIds);
    }

    synchronized void clear() {
        byId.clear();
        bySequence.clear();
        sequenceOfEveryCreatedId.clear();
        createdIds.clear();
    }
}
