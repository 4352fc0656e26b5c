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
 * Format and size of a reference image, read from its header bytes only (no decoding).
 *
 * @param mimeType image/jpeg, image/png or image/webp
 */
record ImageInfo(String mimeType, int width, int height) {

    /**
     * Sniffs JPEG, PNG and WebP by magic bytes and reads their dimensions.
     *
     * @return null when the bytes are none of the three formats or their header is truncated
     */
    static ImageInfo read(byte[] data) {
        if (isPng(data)) {
            return png(data);
        }
        if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
            return jpeg(data);
        }
        if (data.length >= 16 && ascii(data, 0, "RIFF") && ascii(data, 8, "WEBP")) {
            return webp(data);
        }
        return null;
    }

    private static boolean isPng(byte[] data) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (data.length < 24) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (data[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first chunk of a PNG is IHDR: width and height are big-endian ints at offsets 16 and 20. */
    private static ImageInfo png(byte[] data) {
        if (!ascii(data, 12, "IHDR")) {
            return null;
        }
        return new ImageInfo("image/png", int32be(data, 16), int32be(data, 20));
    }

    /** Walks the JPEG segments up to the first SOFn frame header, which holds height then width. */
    private static ImageInfo jpeg(byte[] data) {
        int i = 2;
        while (i + 4 <= data.length) {
            if ((data[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = data[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2; // markers without a length
                continue;
            }
            int length = uint16be(data, i + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                if (i + 9 > data.length) {
                    return null;
                }
                return new ImageInfo("image/jpeg", uint16be(data, i + 7), uint16be(data, i + 5));
            }
            if (marker == 0xDA || marker == 0xD9 || length < 2) {
                return null; // scan data or end of image before any frame header
            }
            i += 2 + length;
        }
        return null;
    }

    /** WebP: the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended, canvas size). */
    private static ImageInfo webp(byte[] data) {
        if (data.length < 30) {
            return null;
        }
        if (ascii(data, 12, "VP8 ")) {
            // frame tag (3 bytes) + start code 9D 01 2A, then 14-bit width and height
            return new ImageInfo("image/webp", uint16le(data, 26) & 0x3FFF, uint16le(data, 28) & 0x3FFF);
        }
        if (ascii(data, 12, "VP8L")) {
            // signature 0x2F, then 14 bits width-1 and 14 bits height-1
            long bits = (data[21] & 0xFFL) | (data[22] & 0xFFL) << 8 | (data[23] & 0xFFL) << 16 | (data[24] & 0xFFL) << 24;
            return new ImageInfo("image/webp", (int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
        }
        if (ascii(data, 12, "VP8X")) {
            return new ImageInfo("image/webp", uint24le(data, 24) + 1, uint24le(data, 27) + 1);
        }
        return null;
    }

    private static boolean ascii(byte[] data, int offset, String text) {
        if (offset + text.length() > data.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (data[offset + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int int32be(byte[] d, int o) {
        return (d[o] & 0xFF) << 24 | (d[o + 1] & 0xFF) << 16 | (d[o + 2] & 0xFF) << 8 | (d[o + 3] & 0xFF);
    }

    private static int uint16be(byte[] d, int o) {
        return (d[o] & 0xFF) << 8 | (d[o + 1] & 0xFF);
    }

    private static int uint16le(byte[] d, int o) {
        return (d[o] & 0xFF) | (d[o + 1] & 0xFF) << 8;
    }

    private static int uint24le(byte[] d, int o) {
        return (d[o] & 0xFF) | (d[o + 1] & 0xFF) << 8 | (d[o + 2] & 0xFF) << 16;
    }
}
