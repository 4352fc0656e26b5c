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

/**
 * What the simulator has served for one video id.
 *
 * @param creates     1 when the id was created by this simulator, else 0
 * @param statusReads successful {@code GET /v1/videos/{id}} responses
 * @param downloads   successful {@code GET /v1/videos/{id}/content} responses (any variant)
 */
public record VideoCounters(int creates, int statusReads, int downloads) {

    static final VideoCounters NONE = new VideoCounters(0, 0, 0);
}
