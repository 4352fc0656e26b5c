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
import java.util.Optional;

/**
 * Durable memory of jobs by idempotency key: the one place that knows whether a message already paid for a video.
 * Implementations: {@link InMemoryJobStore} (one JVM, lost on exit), {@link FileJobStore} (one node, survives
 * SIGKILL), {@link JdbcJobStore} (several nodes share it). Every method is thread-safe; a write has reached
 * durable storage when it returns.
 */
public interface JobStore extends AutoCloseable {

    /**
     * Claims {@code record.key()} for a new create. Atomic: of several callers (threads or nodes) claiming the same
     * key, exactly one gets an empty answer and must create; the others get the record that is there.
     *
     * @return empty when the claim was stored, else the existing record (unchanged)
     */
    Optional<JobRecord> claim(JobRecord record);

    Optional<JobRecord> find(String key);

    /** Replaces the record with the same key. */
    void update(JobRecord record);

    void remove(String key);

    /** Whether some record holds this video id (so a reconciliation does not adopt another message's job). */
    boolean holdsVideo(String videoId);

    /** Forgets finished records last updated before {@code before}; returns how many. */
    int purgeFinishedBefore(Instant before);

    @Override
    default void close() {
    }
}
