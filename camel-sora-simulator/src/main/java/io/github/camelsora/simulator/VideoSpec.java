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
 * A validated create request, with the API defaults applied.
 *
 * @param sizeLabel the size as the client wrote it ({@code 768P}, {@code 16x9}), echoed by the dialects that do
 */
record VideoSpec(String prompt, String model, FrameSize size, int seconds, String sizeLabel) {

    VideoSpec(String prompt, String model, FrameSize size, int seconds) {
        this(prompt, model, size, seconds, size.toString());
    }
}
