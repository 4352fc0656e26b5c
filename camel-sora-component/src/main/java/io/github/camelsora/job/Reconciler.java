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

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.VideoList;
import io.github.camelsora.api.VideoPages;
import io.github.camelsora.api.VideoRequest;

/**
 * Answers "did the server create this job after all?" for a create whose outcome is unknown (the connection was
 * reset or timed out after the request left, or the process died before recording the answer). It pages through
 * {@code GET /videos} newest first, back to shortly before the create was first claimed, and picks the oldest job
 * with the same prompt, model, size and seconds that no other message has recorded. Only when none is found may a
 * new create be sent.
 */
public final class Reconciler {

    /** Tolerated difference between our clock and the server's {@code created_at}. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(2);
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 20;

    /** One page of the server's job list. */
    @FunctionalInterface
    public interface Lister {
        CompletableFuture<ApiResponse<VideoList>> list(String after, int limit);
    }

    private Reconciler() {
    }

    /**
     * @param notBefore when the create was first claimed; jobs created well before cannot be it
     * @param taken     whether a video id already belongs to some message
     */
    public static CompletableFuture<Optional<Video>> find(Lister lister, VideoRequest request, Instant notBefore,
                                                          Predicate<String> taken) {
        long floor = notBefore.minus(CLOCK_SLACK).getEpochSecond();
        Video[] best = new Video[1];
        return VideoPages.walk(after -> lister.list(after, PAGE_SIZE).thenApply(ApiResponse::value), null, MAX_PAGES,
                page -> {
                    for (Video video : page.data()) {
                        if (video.createdAt() != null && video.createdAt() < floor) {
                            return false; // newest first: the rest are older still
                        }
                        if (matches(video, request) && !taken.test(video.id())) {
                            best[0] = video; // newest first: the last match seen is the oldest
                        }
                    }
                    return true;
                }).thenApply(walk -> Optional.ofNullable(best[0]));
    }

    static boolean matches(Video video, VideoRequest request) {
        return Objects.equals(video.prompt(), request.prompt())
               && (video.model() == null || video.model().equals(request.model()))
               && (video.size() == null || video.size().equals(request.size()))
               && (video.seconds() == null || video.seconds().equals(request.seconds()));
    }
}
