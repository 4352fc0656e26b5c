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
package io.github.camelsora.simulator.media;

import static io.github.camelsora.simulator.media.MediaRendererTest.assertSamePixels;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Round trips through TwelveMonkeys' independent VP8L decoder, pixel for pixel. */
class WebpLosslessEncoderTest {

    @Test
    void randomNoiseRoundTripsExactly() throws Exception {
        Random random = new Random(42);
        BufferedImage image = new BufferedImage(97, 61, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        assertRoundTrip(image);
    }

    @Test
    void singleColourImageUsesBackReferencesAndRoundTrips() throws Exception {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(12, 200, 99));
        g.fillRect(0, 0, 300, 200);
        g.dispose();

        byte[] webp = assertRoundTrip(image);
        assertThat(webp.length).as("runs cost a few bits each").isLessThan(200);
    }

    @Test
    void tinyImagesRoundTrip() throws Exception {
        BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        one.setRGB(0, 0, 0x123456);
        assertRoundTrip(one);

        BufferedImage twoColours = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        twoColours.setRGB(1, 0, 0xFFFFFF);
        twoColours.setRGB(2, 1, 0x010101);
        assertRoundTrip(twoColours);
    }

    @Test
    void skewedHistogramNeedsLengthLimitedCodesAndRoundTrips() throws Exception {
        // Fibonacci-like symbol counts make an optimal Huffman tree deeper than VP8L's 15-bit limit
        int[] counts = new int[22];
        counts[0] = 1;
        counts[1] = 1;
        for (int i = 2; i < counts.length; i++) {
            counts[i] = counts[i - 1] + counts[i - 2];
        }
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        int width = 256;
        int height = (total + width - 1) / width;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        int pixel = 0;
        for (int symbol = 0; symbol < counts.length; symbol++) {
            for (int n = 0; n < counts[symbol]; n++, pixel++) {
                // red follows the skewed histogram, green/blue vary so no back-reference hides it
                image.setRGB(pixel % width, pixel / width, (symbol * 11) << 16 | random.nextInt(1 << 16));
            }
        }
        assertThat(WebpLosslessEncoder.huffmanLengths(counts, 40)).as("unlimited depth").contains(21);
        assertThat(Arrays.stream(WebpLosslessEncoder.huffmanLengths(counts, 15)).max().orElseThrow())
                .isLessThanOrEqualTo(15);
        assertRoundTrip(image);
    }

    @Test
    void renderedFramesRoundTripAtVideoSizes() throws Exception {
        assertRoundTrip(FramePainter.paint(720, 1280, "a portrait frame with a prompt", 0, 4));
        assertRoundTrip(FramePainter.paint(1920, 1080, "a landscape frame", 3, 8));
    }

    @Test
    void prefixCodesFollowTheSpecification() {
        // value -> prefix code, from the VP8L spec's table of LZ77 prefix coding
        assertThat(WebpLosslessEncoder.prefixCode(1)).isZero();
        assertThat(WebpLosslessEncoder.prefixCode(4)).isEqualTo(3);
        assertThat(WebpLosslessEncoder.prefixCode(5)).isEqualTo(4);
        assertThat(WebpLosslessEncoder.prefixCode(6)).isEqualTo(4);
        assertThat(WebpLosslessEncoder.prefixCode(7)).isEqualTo(5);
        assertThat(WebpLosslessEncoder.prefixCode(9)).isEqualTo(6);
        assertThat(WebpLosslessEncoder.prefixCode(4096)).isEqualTo(23);
    }

    private static byte[] assertRoundTrip(BufferedImage image) throws Exception {
        byte[] webp = WebpLosslessEncoder.encode(image);

        ByteBuffer header = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(webp, 0, 4, "US-ASCII")).isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(webp.length - 8);
        assertThat(new String(webp, 8, 8, "US-ASCII")).isEqualTo("WEBPVP8L");
        assertThat(webp[20]).isEqualTo((byte) 0x2F);
        assertThat(webp.length % 2).isZero();

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(webp));
        assertThat(decoded).as("TwelveMonkeys decodes it").isNotNull();
        assertSamePixels(decoded, image);
        return webp;
    }
}
