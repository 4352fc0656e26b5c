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
package io.github.camelsora.media;

/**
 * What the boxes of an MP4 file say about it.
 *
 * @param durationSeconds the movie duration (mvhd)
 * @param width           the video track's width (tkhd)
 * @param height          the video track's height (tkhd)
 * @param videoCodec      the video sample entry type, e.g. {@code avc1}
 * @param audioCodec      the audio sample entry type, or {@code null} when there is no audio track
 */
public record Mp4Info(double durationSeconds, int width, int height, String videoCodec, String audioCodec) {

    public boolean hasAudio() {
        return audioCodec != null;
    }
}
