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

/** How {@code sora:generate} learns that a job finished. */
public enum SoraCompletion {
    /** Ask for the job's status on an adaptive schedule. */
    poll,
    /**
     * Wait for the job's webhook event, received by a {@code sora:webhook} consumer of the same Camel context; ask
     * for the status only every {@code safetyPollDelay}, in case the event never comes.
     */
    webhook,
    /** {@code webhook} while a {@code sora:webhook} consumer runs in the Camel context, else {@code poll}. */
    auto
}
