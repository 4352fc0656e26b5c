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

import java.io.File;

import io.github.camelsora.media.Mp4Info;
import io.github.camelsora.media.Mp4Inspector;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Checks a downloaded video two ways: its boxes (our inspector) and a decoded frame (JCodec, an independent decoder). */
final class Mp4Assertions {

    private Mp4Assertions() {
    }

    static void assertPlayableMp4(File file, int width, int height, double seconds) throws Exception {
        assertThat(file).exists().isFile();
        Mp4Info info = Mp4Inspector.inspect(file.toPath());
        assertThat(info.videoCodec()).isEqualTo("avc1");
        assertThat(info.width()).isEqualTo(width);
        assertThat(info.height()).isEqualTo(height);
        assertThat(info.durationSeconds()).isCloseTo(seconds, within(0.5));

        try (SeekableByteChannel channel = NIOUtils.readableChannel(file)) {
            Picture frame = FrameGrab.createFrameGrab(channel).getNativeFrame();
            assertThat(frame).isNotNull();
            // H.264 codes whole 16x16 macroblocks; the crop gives the real size
            int decodedWidth = frame.getCrop() == null ? frame.getWidth() : frame.getCrop().getWidth();
            int decodedHeight = frame.getCrop() == null ? frame.getHeight() : frame.getCrop().getHeight();
            assertThat(decodedWidth).isEqualTo(width);
            assertThat(decodedHeight).isEqualTo(height);
        }
    }
}
