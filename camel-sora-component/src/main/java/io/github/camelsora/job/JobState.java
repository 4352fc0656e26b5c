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

/** Where a job stands, as recorded in a {@link JobStore}. */
public enum JobState {
    /** A create is about to be sent or was sent; its outcome is unknown until the video id is recorded. */
    SUBMITTING,
    /** The server accepted the create: the video id is known and paid for. */
    CREATED,
    /** The video was downloaded, checked and moved into place. */
    DELIVERED,
    /** The job ended in a terminal status other than completed (failed, expired, ...). */
    FAILED
}
