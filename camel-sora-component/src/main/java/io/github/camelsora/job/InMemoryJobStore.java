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
