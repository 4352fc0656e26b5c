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

import java.nio.charset.StandardCharsets;

/**
 * Reads an image's format and size from its first bytes, without decoding it: the format by magic bytes (JPEG, PNG,
 * WebP only), the size from the header (PNG IHDR, the JPEG SOF segment, the WebP VP8/VP8L/VP8X chunk). Anything a
 * decoder would later choke on in the header is refused here, and so is a header declaring an absurd number of
 * pixels, so no image is ever fully decoded before its size is known to be sane.
 */
public final class ImageProbe {

    /** Longest side accepted: the largest video is 1920 pixels wide, so 16384 leaves room for any honest source. */
    public static final int MAX_SIDE = 16_384;
    /** At most 64 megapixels: a decoded image stays below 256 MiB even at 4 bytes per pixel. */
    public static final long MAX_PIXELS = 64L * 1024 * 1024;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageProbe() {
    }

    public static ImageInfo probe(byte[] data) throws InvalidImageException {
        if (data == null || data.length < 4) {
            throw new InvalidImageException(InvalidImageException.Reason.TRUNCATED,
                    "the image is empty or shorter than any image header");
        }
        ImageInfo info;
        if (startsWith(data, PNG_SIGNATURE)) {
            info = png(data);
        } else if ((data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8) {
            info = jpeg(data);
        } else if (data.length >= 12 && ascii(data, 0, "RIFF") && ascii(data, 8, "WEBP")) {
            info = webp(data);
        } else {
            throw new InvalidImageException(InvalidImageException.Reason.UNSUPPORTED_FORMAT,
                    "not a JPEG, PNG or WebP image (by its first bytes); only these formats are accepted");
        }
        return checkSize(info);
    }

    private static ImageInfo checkSize(ImageInfo info) throws InvalidImageException {
        if (info.width() <= 0 || info.height() <= 0) {
            throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                    "the " + info.type() + " header declares a size of " + info.size());
        }
        if (info.width() > MAX_SIDE || info.height() > MAX_SIDE
            || (long) info.width() * info.height() > MAX_PIXELS) {
            throw new InvalidImageException(InvalidImageException.Reason.TOO_LARGE,
                    "the " + info.type() + " header declares " + info.size() + " pixels; at most " + MAX_SIDE
                                                                    + " per side and " + MAX_PIXELS + " in all are accepted");
        }
        return info;
    }

    private static ImageInfo png(byte[] d) throws InvalidImageException {
        if (d.length < 24) {
            throw truncated("PNG");
        }
        if (!ascii(d, 12, "IHDR") || int32be(d, 8) != 13) {
            throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                    "the PNG does not start with an IHDR chunk");
        }
        long width = Integer.toUnsignedLong(int32be(d, 16));
        long height = Integer.toUnsignedLong(int32be(d, 20));
        return new ImageInfo(ImageType.PNG, (int) Math.min(width, Integer.MAX_VALUE),
                (int) Math.min(height, Integer.MAX_VALUE));
    }

    private static ImageInfo jpeg(byte[] d) throws InvalidImageException {
        int i = 2;
        while (true) {
            if (i >= d.length) {
                throw truncated("JPEG");
            }
            if ((d[i] & 0xff) != 0xff) {
                throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                        "the JPEG has no marker at byte " + i);
            }
            while (i < d.length && (d[i] & 0xff) == 0xff) {
                i++; // fill bytes
            }
            if (i >= d.length) {
                throw truncated("JPEG");
            }
            int marker = d[i++] & 0xff;
            if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                continue; // no length
            }
            if (marker == 0xd9 || marker == 0xda) {
                throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                        "the JPEG reaches its " + (marker == 0xd9 ? "end" : "image data") + " without a frame header");
            }
            if (i + 2 > d.length) {
                throw truncated("JPEG");
            }
            int length = uint16be(d, i);
            if (length < 2) {
                throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                        "the JPEG has a segment of length " + length);
            }
            boolean frameHeader = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (frameHeader) {
                if (length < 8 || i + 7 > d.length) {
                    throw truncated("JPEG");
                }
                return new ImageInfo(ImageType.JPEG, uint16be(d, i + 5), uint16be(d, i + 3));
            }
            i += length;
        }
    }

    private static ImageInfo webp(byte[] d) throws InvalidImageException {
        if (d.length < 30) {
            throw truncated("WebP");
        }
        if (ascii(d, 12, "VP8 ")) {
            if ((d[23] & 0xff) != 0x9d || (d[24] & 0xff) != 0x01 || (d[25] & 0xff) != 0x2a) {
                throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                        "the WebP VP8 frame has no start code");
            }
            return new ImageInfo(ImageType.WEBP, uint16le(d, 26) & 0x3fff, uint16le(d, 28) & 0x3fff);
        }
        if (ascii(d, 12, "VP8L")) {
            if ((d[20] & 0xff) != 0x2f) {
                throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                        "the WebP VP8L stream has no signature");
            }
            int bits = (d[21] & 0xff) | (d[22] & 0xff) << 8 | (d[23] & 0xff) << 16 | (d[24] & 0xff) << 24;
            return new ImageInfo(ImageType.WEBP, (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
        }
        if (ascii(d, 12, "VP8X")) {
            return new ImageInfo(ImageType.WEBP, uint24le(d, 24) + 1, uint24le(d, 27) + 1);
        }
        throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                "the WebP has no VP8, VP8L or VP8X chunk first");
    }

    private static InvalidImageException truncated(String format) {
        return new InvalidImageException(InvalidImageException.Reason.TRUNCATED,
                "the " + format + " ends before its header gives the image size");
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] data, int offset, String text) {
        return data.length >= offset + text.length()
               && new String(data, offset, text.length(), StandardCharsets.ISO_8859_1).equals(text);
    }

    private static int int32be(byte[] d, int o) {
        return (d[o] & 0xff) << 24 | (d[o + 1] & 0xff) << 16 | (d[o + 2] & 0xff) << 8 | (d[o + 3] & 0xff);
    }

    private static int uint16be(byte[] d, int o) {
        return (d[o] & 0xff) << 8 | (d[o + 1] & 0xff);
    }

    private static int uint16le(byte[] d, int o) {
        return (d[o] & 0xff) | (d[o + 1] & 0xff) << 8;
    }

    private static int uint24le(byte[] d, int o) {
        return (d[o] & 0xff) | (d[o + 1] & 0xff) << 8 | (d[o + 2] & 0xff) << 16;
    }
}
