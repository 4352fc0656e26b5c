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

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageInfoTest {

    @Test
    void readsPngJpegAndWebpDimensionsFromHeaders() {
        assertThat(ImageInfo.read(TestImages.png(1280, 720))).isEqualTo(new ImageInfo("image/png", 1280, 720));
        assertThat(ImageInfo.read(TestImages.jpeg(720, 1280))).isEqualTo(new ImageInfo("image/jpeg", 720, 1280));
        assertThat(ImageInfo.read(TestImages.webpHeader(1920, 1080))).isEqualTo(new ImageInfo("image/webp", 1920, 1080));
    }

    @Test
    void readsLossyAndLosslessWebpHeaders() {
        byte[] lossy = new byte[30];
        ascii(lossy, 0, "RIFF");
        ascii(lossy, 8, "WEBP");
        ascii(lossy, 12, "VP8 ");
        lossy[23] = (byte) 0x9D;
        lossy[24] = 0x01;
        lossy[25] = 0x2A;
        lossy[26] = (byte) (1280 & 0xFF);
        lossy[27] = (byte) (1280 >> 8);
        lossy[28] = (byte) (720 & 0xFF);
        lossy[29] = (byte) (720 >> 8);
        assertThat(ImageInfo.read(lossy)).isEqualTo(new ImageInfo("image/webp", 1280, 720));

        byte[] lossless = new byte[30];
        ascii(lossless, 0, "RIFF");
        ascii(lossless, 8, "WEBP");
        ascii(lossless, 12, "VP8L");
        lossless[20] = 0x2F;
        long bits = (720 - 1) | ((long) (1280 - 1) << 14);
        for (int i = 0; i < 4; i++) {
            lossless[21 + i] = (byte) (bits >> (8 * i));
        }
        assertThat(ImageInfo.read(lossless)).isEqualTo(new ImageInfo("image/webp", 720, 1280));
    }

    @Test
    void otherBytesAreNotAnImage() {
        assertThat(ImageInfo.read("GIF89a-not-supported-here".getBytes())).isNull();
        assertThat(ImageInfo.read(new byte[0])).isNull();
        assertThat(ImageInfo.read(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).isNull();
    }

    private static void ascii(byte[] data, int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            data[offset + i] = (byte) text.charAt(i);
        }
    }
}
