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

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * A minimal WebP lossless (VP8L) encoder, because Maven Central has no pure-Java WebP writer.
 *
 * <p>Format choices, all valid per the WebP lossless bitstream specification: no transforms, no colour cache,
 * a single prefix-code group, alpha forced to 255. Compression comes from two things only: Huffman codes built
 * from the image's own histograms, and LZ77 back-references restricted to "same as the pixel to the left" and
 * "same as the pixel above", which turns the flat areas of rendered frames into a few bits per run.
 */
final class WebpLosslessEncoder {

    private static final int MAX_DIMENSION = 1 << 14;
    private static final int NUM_LENGTH_CODES = 24;
    private static final int NUM_DISTANCE_CODES = 40;
    private static final int GREEN_ALPHABET = 256 + NUM_LENGTH_CODES; // no colour cache
    private static final int MAX_CODE_LENGTH = 15;
    private static final int MAX_CODE_LENGTH_CODE_LENGTH = 7;
    private static final int MIN_MATCH = 3;
    /** Tiny images give a few-byte bitstream; some readers prefetch 64 bits right after the 5-byte header. */
    private static final int MIN_CHUNK_BYTES = 16;
    private static final int MAX_MATCH = 4096;
    /** Distance "plane codes" from the spec: 1 is (0,1), the pixel above; 2 is (1,0), the pixel to the left. */
    private static final int PLANE_CODE_ABOVE = 1;
    private static final int PLANE_CODE_LEFT = 2;
    /** Order in which the code-length code lengths are stored (spec, "kCodeLengthCodeOrder"). */
    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    private WebpLosslessEncoder() {
    }

    /** Encodes the image as a complete RIFF/WEBP file with a single VP8L chunk. */
    static byte[] encode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new IllegalArgumentException("WebP is limited to 16384x16384, got " + width + "x" + height);
        }
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < argb.length; i++) {
            argb[i] |= 0xFF000000;
        }
        Tokens tokens = tokenize(argb, width);

        // histograms of the five alphabets: green+lengths, red, blue, alpha, distance
        int[] green = new int[GREEN_ALPHABET];
        int[] red = new int[256];
        int[] blue = new int[256];
        int[] alpha = new int[256];
        int[] distance = new int[NUM_DISTANCE_CODES];
        for (int t = 0; t < tokens.count; t++) {
            int length = tokens.length[t];
            int value = tokens.value[t];
            if (length == 0) {
                green[(value >> 8) & 0xFF]++;
                red[(value >> 16) & 0xFF]++;
                blue[value & 0xFF]++;
                alpha[value >>> 24]++;
            } else {
                green[256 + prefixCode(length)]++;
                distance[prefixCode(value)]++;
            }
        }
        PrefixCode greenCode = PrefixCode.build(green);
        PrefixCode redCode = PrefixCode.build(red);
        PrefixCode blueCode = PrefixCode.build(blue);
        PrefixCode alphaCode = PrefixCode.build(alpha);
        PrefixCode distanceCode = PrefixCode.build(distance);

        BitWriter out = new BitWriter(argb.length / 2 + 1024);
        out.write(0x2F, 8); // VP8L signature
        out.write(width - 1, 14);
        out.write(height - 1, 14);
        out.write(0, 1); // alpha_is_used: frames are opaque
        out.write(0, 3); // version
        out.write(0, 1); // no transform
        out.write(0, 1); // no colour cache
        out.write(0, 1); // no meta prefix codes: one group for the whole image
        greenCode.writeHeader(out);
        redCode.writeHeader(out);
        blueCode.writeHeader(out);
        alphaCode.writeHeader(out);
        distanceCode.writeHeader(out);
        for (int t = 0; t < tokens.count; t++) {
            int length = tokens.length[t];
            int value = tokens.value[t];
            if (length == 0) {
                greenCode.writeSymbol(out, (value >> 8) & 0xFF);
                redCode.writeSymbol(out, (value >> 16) & 0xFF);
                blueCode.writeSymbol(out, value & 0xFF);
                alphaCode.writeSymbol(out, value >>> 24);
            } else {
                greenCode.writeSymbol(out, 256 + prefixCode(length));
                writeExtraBits(out, length);
                distanceCode.writeSymbol(out, prefixCode(value));
                writeExtraBits(out, value);
            }
        }
        byte[] vp8l = out.toByteArray();
        if (vp8l.length < MIN_CHUNK_BYTES) {
            // trailing zeros are ignored by decoders; TwelveMonkeys' reader needs 8 bytes to prefetch
            vp8l = Arrays.copyOf(vp8l, MIN_CHUNK_BYTES);
        }
        return riff(vp8l);
    }

    /** Wraps the VP8L bitstream: RIFF size, WEBP, one VP8L chunk padded to an even size. */
    private static byte[] riff(byte[] vp8l) {
        int padding = vp8l.length & 1;
        byte[] file = new byte[20 + vp8l.length + padding];
        putAscii(file, 0, "RIFF");
        putLittleEndian32(file, 4, 12 + vp8l.length + padding);
        putAscii(file, 8, "WEBP");
        putAscii(file, 12, "VP8L");
        putLittleEndian32(file, 16, vp8l.length);
        System.arraycopy(vp8l, 0, file, 20, vp8l.length);
        return file;
    }

    private static void putAscii(byte[] target, int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            target[offset + i] = (byte) text.charAt(i);
        }
    }

    private static void putLittleEndian32(byte[] target, int offset, int value) {
        target[offset] = (byte) value;
        target[offset + 1] = (byte) (value >>> 8);
        target[offset + 2] = (byte) (value >>> 16);
        target[offset + 3] = (byte) (value >>> 24);
    }

    /** Literal pixels (length 0, value = ARGB) or copies (length >= MIN_MATCH, value = plane code). */
    private static final class Tokens {
        final int[] length;
        final int[] value;
        int count;

        Tokens(int capacity) {
            length = new int[capacity];
            value = new int[capacity];
        }

        void add(int tokenLength, int tokenValue) {
            length[count] = tokenLength;
            value[count] = tokenValue;
            count++;
        }
    }

    /** Greedy LZ77 over two candidate distances only: 1 (left) and width (above). */
    private static Tokens tokenize(int[] argb, int width) {
        Tokens tokens = new Tokens(argb.length);
        int i = 0;
        while (i < argb.length) {
            int left = i >= 1 ? matchLength(argb, i, 1) : 0;
            int above = i >= width ? matchLength(argb, i, width) : 0;
            if (Math.max(left, above) >= MIN_MATCH) {
                boolean useLeft = left >= above;
                int length = useLeft ? left : above;
                tokens.add(length, useLeft ? PLANE_CODE_LEFT : PLANE_CODE_ABOVE);
                i += length;
            } else {
                tokens.add(0, argb[i]);
                i++;
            }
        }
        return tokens;
    }

    private static int matchLength(int[] argb, int position, int distance) {
        int limit = Math.min(MAX_MATCH, argb.length - position);
        int length = 0;
        while (length < limit && argb[position + length] == argb[position + length - distance]) {
            length++;
        }
        return length;
    }

    /** The prefix symbol of an LZ77 length or distance value (>= 1), per the spec's prefix coding. */
    static int prefixCode(int value) {
        int d = value - 1;
        if (d < 4) {
            return d;
        }
        int highestBit = 31 - Integer.numberOfLeadingZeros(d);
        int secondBit = (d >> (highestBit - 1)) & 1;
        return 2 * highestBit + secondBit;
    }

    private static void writeExtraBits(BitWriter out, int value) {
        int d = value - 1;
        if (d < 4) {
            return;
        }
        int extraBits = (31 - Integer.numberOfLeadingZeros(d)) - 1;
        out.write(d & ((1 << extraBits) - 1), extraBits);
    }

    /** A canonical Huffman code over one alphabet, plus how to store it in the VP8L header. */
    private static final class PrefixCode {
        final int[] lengths;
        /** Codes already bit-reversed, because VP8L reads Huffman codes bit by bit from the LSB side. */
        final int[] codes;
        /** Set when at most one symbol is used: the "simple code" that costs zero bits per symbol. */
        final int singleSymbol;

        private PrefixCode(int[] lengths, int singleSymbol) {
            this.lengths = lengths;
            this.singleSymbol = singleSymbol;
            this.codes = canonicalCodes(lengths);
        }

        static PrefixCode build(int[] histogram) {
            int used = 0;
            int lastUsed = 0;
            for (int s = 0; s < histogram.length; s++) {
                if (histogram[s] > 0) {
                    used++;
                    lastUsed = s;
                }
            }
            if (used <= 1) {
                // only literals can be alone in green (the first pixel is always a literal), so it fits 8 bits
                return new PrefixCode(new int[histogram.length], lastUsed);
            }
            return new PrefixCode(huffmanLengths(histogram, MAX_CODE_LENGTH), -1);
        }

        void writeSymbol(BitWriter out, int symbol) {
            if (singleSymbol < 0) {
                out.write(codes[symbol], lengths[symbol]);
            }
        }

        void writeHeader(BitWriter out) {
            if (singleSymbol >= 0) {
                out.write(1, 1); // simple code
                out.write(0, 1); // one symbol
                if (singleSymbol < 2) {
                    out.write(0, 1);
                    out.write(singleSymbol, 1);
                } else {
                    out.write(1, 1);
                    out.write(singleSymbol, 8);
                }
                return;
            }
            out.write(0, 1); // normal code: code lengths coded with the code-length code
            int[] lengthHistogram = new int[19];
            for (int length : lengths) {
                lengthHistogram[length]++;
            }
            ensureTwoSymbols(lengthHistogram);
            int[] codeLengthCodeLengths = huffmanLengths(lengthHistogram, MAX_CODE_LENGTH_CODE_LENGTH);
            int[] codeLengthCodes = canonicalCodes(codeLengthCodeLengths);
            out.write(19 - 4, 4); // store all 19 code-length code lengths
            for (int symbol : CODE_LENGTH_ORDER) {
                out.write(codeLengthCodeLengths[symbol], 3);
            }
            out.write(0, 1); // max_symbol = alphabet size: every symbol's length follows
            for (int length : lengths) {
                out.write(codeLengthCodes[length], codeLengthCodeLengths[length]);
            }
        }

        /** A one-symbol code-length code would be read with zero bits; avoid that corner by adding a dummy. */
        private static void ensureTwoSymbols(int[] histogram) {
            int used = 0;
            int only = 0;
            for (int s = 0; s < histogram.length; s++) {
                if (histogram[s] > 0) {
                    used++;
                    only = s;
                }
            }
            if (used == 1) {
                histogram[only == 0 ? 1 : 0] = 1;
            }
        }
    }

    /**
     * Huffman code lengths limited to {@code maxLength}: if the optimal tree is too deep, small counts are
     * raised to a growing floor and the tree rebuilt (as libwebp does), which always stays a complete code.
     */
    static int[] huffmanLengths(int[] histogram, int maxLength) {
        int[] lengths = new int[histogram.length];
        for (int floor = 1; ; floor *= 2) {
            int maxDepth = buildTree(histogram, floor, lengths);
            if (maxDepth <= maxLength) {
                return lengths;
            }
        }
    }

    /** Builds a Huffman tree over the used symbols (counts raised to {@code floor}); returns the max depth. */
    private static int buildTree(int[] histogram, int floor, int[] lengths) {
        int n = histogram.length;
        long[] weight = new long[2 * n];
        int[] parent = new int[2 * n];
        Arrays.fill(parent, -1);
        PriorityQueue<Integer> queue = new PriorityQueue<>((a, b) ->
                weight[a] != weight[b] ? Long.compare(weight[a], weight[b]) : Integer.compare(a, b));
        for (int s = 0; s < n; s++) {
            if (histogram[s] > 0) {
                weight[s] = Math.max(histogram[s], floor);
                queue.add(s);
            }
        }
        int next = n;
        while (queue.size() > 1) {
            int a = queue.poll();
            int b = queue.poll();
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
            queue.add(next++);
        }
        int maxDepth = 0;
        Arrays.fill(lengths, 0);
        for (int s = 0; s < n; s++) {
            if (histogram[s] > 0) {
                int depth = 0;
                for (int node = s; parent[node] >= 0; node = parent[node]) {
                    depth++;
                }
                lengths[s] = depth;
                maxDepth = Math.max(maxDepth, depth);
            }
        }
        return maxDepth;
    }

    /** Canonical code assignment (as in DEFLATE), returned bit-reversed for an LSB-first writer. */
    static int[] canonicalCodes(int[] lengths) {
        int[] lengthCount = new int[MAX_CODE_LENGTH + 2];
        for (int length : lengths) {
            lengthCount[length]++;
        }
        lengthCount[0] = 0;
        int[] nextCode = new int[MAX_CODE_LENGTH + 2];
        int code = 0;
        for (int bits = 1; bits <= MAX_CODE_LENGTH; bits++) {
            code = (code + lengthCount[bits - 1]) << 1;
            nextCode[bits] = code;
        }
        int[] codes = new int[lengths.length];
        for (int s = 0; s < lengths.length; s++) {
            int length = lengths[s];
            if (length > 0) {
                codes[s] = Integer.reverse(nextCode[length]++) >>> (32 - length);
            }
        }
        return codes;
    }

    /** Little-endian bit packer: the first bit written is the least significant bit of the first byte. */
    private static final class BitWriter {
        private byte[] buffer;
        private int size;
        private long bits;
        private int bitCount;

        BitWriter(int initialCapacity) {
            buffer = new byte[Math.max(16, initialCapacity)];
        }

        void write(int value, int count) {
            bits |= ((long) value & ((1L << count) - 1)) << bitCount;
            bitCount += count;
            while (bitCount >= 8) {
                if (size == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                buffer[size++] = (byte) bits;
                bits >>>= 8;
                bitCount -= 8;
            }
        }

        byte[] toByteArray() {
            if (bitCount > 0) {
                write(0, 8 - bitCount);
            }
            return Arrays.copyOf(buffer, size);
        }
    }
}
