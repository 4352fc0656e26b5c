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
package io.github.camelsora.examples;

import java.nio.file.Path;

import io.github.camelsora.media.Mp4Info;
import io.github.camelsora.media.Mp4Inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What every example's test asks of a video fetched back from its sink. */
final class VideoChecks {

    private VideoChecks() {
    }

    static void assertValidMp4(Path file, int width, int height, double seconds) throws Exception {
        assertThat(file).isRegularFile();
        Mp4Info info = Mp4Inspector.inspect(file);
        assertThat(info.videoCodec()).isEqualTo("avc1");
        assertThat(info.width()).isEqualTo(width);
        assertThat(info.height()).isEqualTo(height);
        assertThat(info.durationSeconds()).isCloseTo(seconds, within(0.5));
    }
}
