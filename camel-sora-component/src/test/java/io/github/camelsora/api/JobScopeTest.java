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

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/** The scope puts its MDC while current and leaves a shared thread as it found it; it follows captured tasks. */
class JobScopeTest {

    private final JobScope scope = new JobScope(Map.of("camel.exchangeId", "ex-1", "camel.routeId", "r"),
            Map.of("routeId", "r"), RequestObserver.NONE);

    @Test
    void putsItsMdcAndTheVideoIdWhileCurrentAndRestoresTheThreadsOwn() {
        MDC.put("own", "kept");
        MDC.put("camel.exchangeId", "other");
        try {
            scope.videoId("video_1").run(() -> {
                assertThat(JobScope.current()).isSameAs(scope);
                assertThat(MDC.get("camel.exchangeId")).isEqualTo("ex-1");
                assertThat(MDC.get("camel.routeId")).isEqualTo("r");
                assertThat(MDC.get(JobScope.MDC_VIDEO_ID)).isEqualTo("video_1");
                assertThat(MDC.get("own")).isEqualTo("kept");
            });
            assertThat(JobScope.current()).isSameAs(JobScope.NONE);
            assertThat(MDC.get("camel.exchangeId")).isEqualTo("other");
            assertThat(MDC.get(JobScope.MDC_VIDEO_ID)).isNull();
            assertThat(MDC.get("camel.routeId")).isNull();
        } finally {
            MDC.clear();
        }
    }

    @Test
    void withoutMdcLoggingNothingIsPut() {
        JobScope quiet = new JobScope(null, Map.of(), RequestObserver.NONE).videoId("video_2");
        quiet.run(() -> assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty());
        assertThat(quiet.mdc()).isEmpty();
        assertThat(quiet.hasMdc()).isFalse();
    }

    @Test
    void aCapturedTaskRunsInTheScopeOnAnotherThreadAndLeavesItClean() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<String> inside = new CompletableFuture<>();
            scope.run(() -> pool.execute(JobScope.capture(() -> inside.complete(MDC.get("camel.exchangeId")))));
            assertThat(inside.get()).isEqualTo("ex-1");
            String after = pool.submit(() -> MDC.get("camel.exchangeId") + "/" + (JobScope.current() == JobScope.NONE))
                    .get();
            assertThat(after).isEqualTo("null/true");
        } finally {
            pool.shutdownNow();
        }
    }
}
