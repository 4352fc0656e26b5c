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
package io.github.camelsora.benchmarks;

import java.nio.file.Path;

/**
 * How one job ended for a contender.
 *
 * @param videoId     the job's id, when it was created
 * @param file        the downloaded video, null on failure
 * @param error       why it failed, null on success
 * @param deliveredAt when the flow continued with the file (epoch ms, comparable with the simulator's clock)
 * @param downloadNanos how long the download step alone took, when the contender's code can time it; else -1
 */
record Delivery(String prompt, String videoId, Path file, Throwable error, long deliveredAt, long downloadNanos) {

    boolean delivered() {
        return error == null && file != null;
    }
}
