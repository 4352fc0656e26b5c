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
import java.util.Objects;

/**
 * What a {@link JobStore} keeps per idempotency key: enough to resume a job, or answer it again, after a crash or a
 * redelivery. It holds no prompt and no credential, only a fingerprint of the request.
 *
 * @param key          the idempotency key of the message
 * @param fingerprint  a hash of the request (prompt, model, size, seconds); a key reused for another request is refused
 * @param state        where the job stands
 * @param videoId      the server's id once the create succeeded, else null
 * @param owner        the node that last worked on the job
 * @param claimedAt    when the key was first claimed (the earliest moment the server could have created the job)
 * @param updatedAt    when the record last changed
 * @param file         the delivered file, once delivered
 * @param status       the job's last known status
 * @param errorCode    the job's error code when it failed
 * @param errorMessage the job's error message when it failed
 * @param server       the provider and server the job was created on ({@link io.github.camelsora.api.VideoProvider#server()});
 *                     a key resumed against another one is refused; null in records written before it was kept
 */
public record JobRecord(String key, String fingerprint, JobState state, String videoId, String owner, Instant claimedAt,
                        Instant updatedAt, String file, String status, String errorCode, String errorMessage,
                        String server) {

    public JobRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(claimedAt, "claimedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A fresh claim: nothing sent yet. */
    public static JobRecord claim(String key, String fingerprint, String owner, Instant now) {
        return claim(key, fingerprint, owner, now, null);
    }

    /** A fresh claim on a provider's server: nothing sent yet. */
    public static JobRecord claim(String key, String fingerprint, String owner, Instant now, String server) {
        return new JobRecord(key, fingerprint, JobState.SUBMITTING, null, owner, now, now, null, null, null, null,
                server);
    }

    public JobRecord created(String videoId, String status, String owner, Instant now) {
        return new JobRecord(key, fingerprint, JobState.CREATED, videoId, owner, claimedAt, now, null, status, null, null,
                server);
    }

    public JobRecord delivered(String file, Instant now) {
        return new JobRecord(key, fingerprint, JobState.DELIVERED, videoId, owner, claimedAt, now, file, "completed",
                null, null, server);
    }

    public JobRecord failed(String status, String errorCode, String errorMessage, Instant now) {
        return new JobRecord(key, fingerprint, JobState.FAILED, videoId, owner, claimedAt, now, file, status, errorCode,
                errorMessage, server);
    }

    public JobRecord ownedBy(String newOwner, Instant now) {
        return new JobRecord(key, fingerprint, state, videoId, newOwner, claimedAt, now, file, status, errorCode,
                errorMessage, server);
    }

    /** Delivered or failed: nothing more will happen to this job. */
    public boolean isFinished() {
        return state == JobState.DELIVERED || state == JobState.FAILED;
    }
}
