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
package io.github.camelsora;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelsora.api.ApiResponse;
import io.github.camelsora.api.Video;
import io.github.camelsora.api.Deadline;
import io.github.camelsora.job.JobTracker;
import io.github.camelsora.job.PollPolicy;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** More jobs in flight than Camel's default thread pool queue (1000) holds: every wait must be accepted. */
class ManyJobsInFlightTest {

    @Test
    void theTimerTakesTenThousandPendingWaits() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            SoraComponent sora = new SoraComponent();
            camel.addComponent("sora", sora);
            camel.start();

            List<CompletableFuture<Video>> waits = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                waits.add(sora.tracker().await("video_" + i, new JobTracker.WaitSpec(
                        (id, deadline) -> new CompletableFuture<ApiResponse<Video>>(),
                        new PollPolicy(Duration.ofMinutes(1), Duration.ofMinutes(1)),
                        Deadline.in(Duration.ofMinutes(5)), false, null)));
            }

            assertThat(waits).noneMatch(CompletableFuture::isDone);
            assertThat(sora.tracker().inFlightCount()).isEqualTo(10_000);
        }
    }
}
