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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VideoPagesTest {

    /** Pages of one job each, named video_1, video_2...; has_more until {@code last}. */
    private static VideoList page(int number, int last) {
        Video video = new Video("video_" + number, "video", "sora-2", "completed", 100, 1L, 2L, null, null, null, null,
                null, null);
        return new VideoList("list", List.of(video), video.id(), video.id(), number < last);
    }

    private static int number(String after) {
        return after == null ? 1 : Integer.parseInt(after.substring("video_".length())) + 1;
    }

    @Test
    void readsEveryPageUntilTheServerHasNoMore() {
        List<String> afters = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        VideoPages.Walk walk = VideoPages.walk(after -> {
            afters.add(after);
            return CompletableFuture.completedFuture(page(number(after), 3));
        }, null, 10, page -> seen.add(page.lastId())).join();

        assertThat(afters).containsExactly(null, "video_1", "video_2");
        assertThat(seen).containsExactly("video_1", "video_2", "video_3");
        assertThat(walk.pages()).isEqualTo(3);
        assertThat(walk.truncated()).isFalse();
        assertThat(walk.last().lastId()).isEqualTo("video_3");
    }

    @Test
    void stopsAtThePageCapWhenTheServerAlwaysHasMore() {
        int[] requests = {0};
        VideoPages.Walk walk = VideoPages.walk(after -> {
            requests[0]++;
            return CompletableFuture.completedFuture(page(number(after), Integer.MAX_VALUE));
        }, null, 25, page -> true).join();

        assertThat(requests[0]).isEqualTo(25);
        assertThat(walk.pages()).isEqualTo(25);
        assertThat(walk.truncated()).isTrue();
        assertThat(walk.last().hasMore()).isTrue();
    }

    @Test
    void stopsWhenTheCursorDoesNotMove() {
        int[] requests = {0};
        VideoPages.Walk walk = VideoPages.walk(after -> {
            requests[0]++;
            return CompletableFuture.completedFuture(page(7, Integer.MAX_VALUE));
        }, null, 1000, page -> true).join();

        assertThat(requests[0]).isEqualTo(2);
        assertThat(walk.truncated()).isTrue();
    }

    @Test
    void theVisitorEndsTheWalk() {
        VideoPages.Walk walk = VideoPages.walk(after -> CompletableFuture.completedFuture(page(number(after), 100)),
                "video_4", 1000, page -> !page.lastId().equals("video_7")).join();

        assertThat(walk.pages()).isEqualTo(3);
        assertThat(walk.truncated()).isFalse();
        assertThat(walk.last().lastId()).isEqualTo("video_7");
    }

    @Test
    void pagesAnsweredLaterOnOtherThreadsAreWalkedToo() throws Exception {
        ExecutorService server = Executors.newSingleThreadExecutor();
        try {
            List<String> seen = new ArrayList<>();
            VideoPages.Walk walk = VideoPages.walk(after -> CompletableFuture.supplyAsync(
                    () -> page(number(after), 50), server), null, 1000, page -> seen.add(page.lastId()))
                    .get(10, TimeUnit.SECONDS);

            assertThat(seen).hasSize(50).endsWith("video_50");
            assertThat(walk.truncated()).isFalse();
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void pagesAlreadyThereDoNotGrowTheStack() {
        VideoPages.Walk walk = VideoPages.walk(after -> CompletableFuture.completedFuture(
                page(number(after), Integer.MAX_VALUE)), null, 200_000, page -> true).join();

        assertThat(walk.pages()).isEqualTo(200_000);
    }

    @Test
    void aFailureOfTheListerOrTheVisitorFailsTheWalk() {
        SoraException refused = new SoraException("refused", null, null);
        assertThatThrownBy(() -> VideoPages.walk(after -> after == null
                ? CompletableFuture.completedFuture(page(1, 5))
                : CompletableFuture.failedFuture(refused), null, 10, page -> true).join())
                .hasCause(refused);
        assertThatThrownBy(() -> VideoPages.walk(after -> CompletableFuture.completedFuture(page(1, 5)), null, 10,
                page -> {
                    throw new IllegalStateException("route failed");
                }).join()).hasRootCauseMessage("route failed");
        assertThatThrownBy(() -> VideoPages.walk(after -> CompletableFuture.completedFuture(page(1, 5)), null, 0,
                page -> true)).isInstanceOf(IllegalArgumentException.class);
    }
}
