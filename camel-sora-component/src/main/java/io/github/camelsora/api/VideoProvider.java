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
package io.github.camelsora.api;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The provider seam: what one provider's job API can do, whatever its wire format. The engine, the policies and
 * the handlers only talk to this interface; a provider is one implementation (found through
 * {@link VideoProviderFactory} by its profile's {@code protocol}), its {@link ProviderProfile} (capabilities, models,
 * auth, as data) and its simulator dialect.
 * <p>
 * Each method is one attempt, asynchronous (no thread waits), bounded by {@code deadline} (the request in flight is
 * cancelled when it passes). Nothing here retries, limits or bills: the policy gateway does, around every call.
 * Failures are {@link SoraApiException} (an HTTP answer), {@link SoraTransportException} (no complete answer) or
 * another {@link SoraException}. An optional operation the provider lacks fails with {@link SoraValidationException}
 * before anything is sent; {@link ProviderProfile#supports(String)} says which it has.
 */
public interface VideoProvider {

    /** The profile: name, capabilities (endpoints), models, auth style. */
    ProviderProfile profile();

    /** The server this instance talks to, for job records and logs (never a credential). */
    String server();

    /** Creates a job. Billable: the engine never calls it twice for one job. */
    CompletableFuture<ApiResponse<Video>> create(VideoRequest request, InputReference reference,
                                                 List<String> characters, Deadline deadline);

    /**
     * Creates a job for a message's idempotency key: a provider with its own de-duplication (Bedrock's
     * {@code clientRequestToken}) derives it from {@code idempotencyKey}, so a resend cannot pay twice (its profile
     * then lists {@code idempotentCreate}); the others ignore the key. {@code idempotencyKey} may be null.
     */
    default CompletableFuture<ApiResponse<Video>> create(VideoRequest request, InputReference reference,
                                                         List<String> characters, String idempotencyKey,
                                                         Deadline deadline) {
        return create(request, reference, characters, deadline);
    }

    /** The job as the server sees it now. */
    CompletableFuture<ApiResponse<Video>> retrieve(String videoId, Deadline deadline);

    /**
     * Streams the job's result ({@code variant}: video, thumbnail, spritesheet) into {@code file}, wherever the
     * provider keeps it (its content route, or a URL named by the job); {@code file} is deleted on any failure.
     */
    CompletableFuture<Download> download(String videoId, String variant, Path file, Deadline deadline);

    /**
     * As {@link #download(String, String, Path, Deadline)} for a job as last read, so that a result URL it names is
     * used without reading the job again (a provider that names none downloads by the job's id).
     */
    default CompletableFuture<Download> download(Video job, String variant, Path file, Deadline deadline) {
        return download(job.id(), variant, file, deadline);
    }

    /** One page of the provider's jobs, newest first when {@code order} is {@code desc}. */
    CompletableFuture<ApiResponse<VideoList>> list(String after, Integer limit, String order, Deadline deadline);

    CompletableFuture<ApiResponse<DeletedVideo>> delete(String videoId, Deadline deadline);

    /** A new billable job from a completed one and a new prompt (optional: {@code remix}). */
    default CompletableFuture<ApiResponse<Video>> remix(String videoId, String prompt, Deadline deadline) {
        return unsupported("remix");
    }

    /** A new billable job, a targeted change of a completed one (optional: {@code edit}). */
    default CompletableFuture<ApiResponse<Video>> edit(String videoId, String prompt, Deadline deadline) {
        return unsupported("edit");
    }

    /** A new billable job continuing a completed one by {@code seconds} (optional: {@code extend}). */
    default CompletableFuture<ApiResponse<Video>> extend(String videoId, String prompt, String seconds,
                                                         Deadline deadline) {
        return unsupported("extend");
    }

    /** Optional: {@code characters}. */
    default CompletableFuture<ApiResponse<VideoCharacter>> createCharacter(String name, byte[] mp4, String filename,
                                                                           Deadline deadline) {
        return unsupported("characters");
    }

    /** Optional: {@code characters}. */
    default CompletableFuture<ApiResponse<VideoCharacter>> getCharacter(String characterId, Deadline deadline) {
        return unsupported("characters");
    }

    private <T> CompletableFuture<T> unsupported(String endpoint) {
        return CompletableFuture.failedFuture(new SoraValidationException("operation", "provider "
                + profile().name() + " has no '" + endpoint + "' endpoint"));
    }
}
