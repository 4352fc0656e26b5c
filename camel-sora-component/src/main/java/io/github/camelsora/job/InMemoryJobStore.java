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

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Jobs in a map: survives redelivery inside one JVM, not a restart. The default store. */
public final class InMemoryJobStore implements JobStore {

    private final Map<String, JobRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<JobRecord> claim(JobRecord record) {
        return Optional.ofNullable(records.putIfAbsent(record.key(), record));
    }

    @Override
    public Optional<JobRecord> find(String key) {
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public void update(JobRecord record) {
        records.put(record.key(), record);
    }

    @Override
    public void remove(String key) {
        records.remove(key);
    }

    @Override
    public boolean holdsVideo(String videoId) {
        return records.values().stream().anyMatch(r -> videoId.equals(r.videoId()));
    }

    @Override
    public int purgeFinishedBefore(Instant before) {
        int[] purged = {0};
        records.values().removeIf(r -> {
            boolean old = r.isFinished() && r.updatedAt().isBefore(before);
            if (old) {
                purged[0]++;
            }
            return old;
        });
        return purged[0];
    }

    @Override
    public String toString() {
        return "InMemoryJobStore[" + records.size() + " records]";
    }
}
