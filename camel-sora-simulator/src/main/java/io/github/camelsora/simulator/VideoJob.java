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
package io.github.camelsora.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * One video job. Immutable: its status is computed from the clock when asked (see {@link JobLifecycle}),
 * so no thread or timer exists per job.
 *
 * @param sequence    creation order, used for listing and {@code after} cursors
 * @param failure     non-null when the job is planned to end {@code failed}
 * @param videoBytes  non-null when the MP4 should be padded to this many bytes
 * @param mediaPrompt the text handed to the renderer (the prompt, or a shared label when prompts are not drawn)
 * @param remixedFromVideoId the source of a remix, else null
 * @param extensions  how many extensions were stitched onto the original video (0 for an original)
 * @param sizeLabel   the size as the client wrote it (a dialect may echo a label such as {@code 768P})
 */
record VideoJob(String id, long sequence, Instant createdAt, Duration renderTime, String prompt, String model,
                FrameSize size, int seconds, JobFailure failure, Long videoBytes, String mediaPrompt,
                String remixedFromVideoId, int extensions, String sizeLabel) {

    Instant finishesAt() {
        return createdAt.plus(renderTime);
    }
}
