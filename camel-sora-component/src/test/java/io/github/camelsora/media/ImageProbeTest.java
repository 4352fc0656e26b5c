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

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageProbeTest {

    private static byte[] encode(String format, int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    /** A VP8L (lossless WebP) header: RIFF, WEBP, VP8L chunk, signature 0x2f, 14-bit width-1 and height-1. */
    private static byte[] webpLossless(int width, int height) {
        byte[] data = new byte[40];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, data, 0, 4);
        System.arraycopy("WEBPVP8L".getBytes(StandardCharsets.US_ASCII), 0, data, 8, 8);
        data[20] = 0x2f;
        int bits = (width - 1) | (height - 1) << 14;
        data[21] = (byte) bits;
        data[22] = (byte) (bits >>> 8);
        data[23] = (byte) (bits >>> 16);
        data[24] = (byte) (bits >>> 24);
        return data;
    }

    @Test
    void readsTypeAndSizeFromTheHeader() throws Exception {
        assertThat(ImageProbe.probe(encode("png", 1280, 720))).isEqualTo(new ImageInfo(ImageType.PNG, 1280, 720));
        assertThat(ImageProbe.probe(encode("jpg", 720, 1280))).isEqualTo(new ImageInfo(ImageType.JPEG, 720, 1280));
        assertThat(ImageProbe.probe(webpLossless(1792, 1024))).isEqualTo(new ImageInfo(ImageType.WEBP, 1792, 1024));
    }

    @Test
    void refusesOtherFormatsTruncatedAndCorruptHeaders() throws Exception {
        assertThatThrownBy(() -> ImageProbe.probe("GIF89a................".getBytes()))
                .isInstanceOf(InvalidImageException.class)
                .extracting(e -> ((InvalidImageException) e).getReason())
                .isEqualTo(InvalidImageException.Reason.UNSUPPORTED_FORMAT);
        byte[] png = encode("png", 64, 64);
        assertThatThrownBy(() -> ImageProbe.probe(Arrays.copyOf(png, 20)))
                .extracting(e -> ((InvalidImageException) e).getReason()).isEqualTo(InvalidImageException.Reason.TRUNCATED);
        byte[] jpeg = encode("jpg", 64, 64);
        assertThatThrownBy(() -> ImageProbe.probe(Arrays.copyOf(jpeg, 30)))
                .extracting(e -> ((InvalidImageException) e).getReason()).isEqualTo(InvalidImageException.Reason.TRUNCATED);
        byte[] badChunk = png.clone();
        badChunk[12] = 'X';
        assertThatThrownBy(() -> ImageProbe.probe(badChunk))
                .extracting(e -> ((InvalidImageException) e).getReason()).isEqualTo(InvalidImageException.Reason.CORRUPT);
        assertThatThrownBy(() -> ImageProbe.probe(new byte[0])).isInstanceOf(InvalidImageException.class);
    }

    @Test
    void refusesDecompressionBombsBeforeDecoding() throws Exception {
        byte[] png = encode("png", 16, 16);
        // claim 100000 x 100000 pixels in IHDR: refused from the header alone
        byte[] bomb = png.clone();
        bomb[16] = 0;
        bomb[17] = 1;
        bomb[18] = (byte) 0x86;
        bomb[19] = (byte) 0xa0;
        System.arraycopy(bomb, 16, bomb, 20, 4);
        assertThatThrownBy(() -> ImageProbe.probe(bomb))
                .extracting(e -> ((InvalidImageException) e).getReason()).isEqualTo(InvalidImageException.Reason.TOO_LARGE);
        assertThatThrownBy(() -> ImageProbe.probe(webpLossless(16384, 16384)))
                .extracting(e -> ((InvalidImageException) e).getReason()).isEqualTo(InvalidImageException.Reason.TOO_LARGE);
    }

    @Test
    void fitsByCroppingOrPadding() throws Exception {
        byte[] source = encode("png", 640, 480);
        ImageInfo info = ImageProbe.probe(source);
        for (ImageFitter.Fit fit : new ImageFitter.Fit[] { ImageFitter.Fit.CROP, ImageFitter.Fit.PAD }) {
            byte[] fitted = ImageFitter.fit(source, info, 1280, 720, fit);
            assertThat(ImageProbe.probe(fitted)).isEqualTo(new ImageInfo(ImageType.PNG, 1280, 720));
        }
    }

    @Test
    void opaqueIdsGetAStableSafeFileStem() {
        assertThat(VideoFiles.safeStem("video_abc")).isEqualTo("video_abc");
        String opaque = "video_bGl0ZW+sbTpj/dXN0b20=";
        assertThat(VideoFiles.safeStem(opaque)).matches("video_[0-9a-f]{32}").isEqualTo(VideoFiles.safeStem(opaque));
        assertThat(VideoFiles.safeStem("../../etc/passwd")).matches("video_[0-9a-f]{32}");
    }
}
