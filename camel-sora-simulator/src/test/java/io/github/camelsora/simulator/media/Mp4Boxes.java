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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tiny ISO BMFF box reader for tests, independent of JCodec so the tests check the bytes, not JCodec's
 * view of its own output. Only container boxes are descended into; payloads are read lazily from the file.
 */
final class Mp4Boxes {

    /** Boxes whose payload is a plain list of child boxes. */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "edts", "dinf");

    private Mp4Boxes() {
    }

    record Box(String type, long offset, long size, int headerSize, List<Box> children) {
        long payloadOffset() {
            return offset + headerSize;
        }

        long end() {
            return offset + size;
        }

        Optional<Box> child(String childType) {
            return children.stream().filter(c -> c.type.equals(childType)).findFirst();
        }

        List<Box> all(String childType) {
            return children.stream().filter(c -> c.type.equals(childType)).toList();
        }

        /** Follows a path of child types, e.g. "mdia/minf/stbl/stsd". */
        Box path(String path) {
            Box box = this;
            for (String part : path.split("/")) {
                Box current = box;
                box = current.child(part).orElseThrow(
                        () -> new AssertionError("no " + part + " in " + current.type + " " + current.childTypes()));
            }
            return box;
        }

        List<String> childTypes() {
            return children.stream().map(Box::type).toList();
        }
    }

    /** Parses the top-level boxes of the file, descending into container boxes. */
    static List<Box> parse(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return parse(channel, 0, channel.size());
        }
    }

    private static List<Box> parse(FileChannel channel, long start, long end) throws IOException {
        List<Box> boxes = new ArrayList<>();
        long position = start;
        while (position < end) {
            if (end - position < 8) {
                throw new AssertionError("trailing " + (end - position) + " bytes at " + position);
            }
            ByteBuffer header = read(channel, position, 16 <= end - position ? 16 : 8);
            long size = Integer.toUnsignedLong(header.getInt());
            String type = ascii(header, 4);
            int headerSize = 8;
            if (size == 1) {
                size = header.getLong();
                headerSize = 16;
            } else if (size == 0) {
                size = end - position;
            }
            if (size < headerSize || position + size > end) {
                throw new AssertionError("bad size " + size + " of box " + type + " at " + position);
            }
            List<Box> children = CONTAINERS.contains(type)
                    ? parse(channel, position + headerSize, position + size)
                    : List.of();
            boxes.add(new Box(type, position, size, headerSize, children));
            position += size;
        }
        return boxes;
    }

    /** Reads {@code length} bytes of a box payload, starting {@code skip} bytes after its header. */
    static ByteBuffer payload(Path file, Box box, int skip, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel, box.payloadOffset() + skip, length);
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new AssertionError("unexpected end of file at " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }

    static String ascii(ByteBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** (timescale, duration) of an mvhd or mdhd box, either version. */
    static long[] timescaleAndDuration(Path file, Box headerBox) throws IOException {
        ByteBuffer b = payload(file, headerBox, 0, 32);
        int version = b.get() & 0xFF;
        b.position(4);
        if (version == 1) {
            b.position(4 + 16);
            return new long[] {Integer.toUnsignedLong(b.getInt()), b.getLong()};
        }
        b.position(4 + 8);
        return new long[] {Integer.toUnsignedLong(b.getInt()), Integer.toUnsignedLong(b.getInt())};
    }

    /** tkhd duration (in the movie timescale), width and height (16.16 fixed point, integer part). */
    static long[] trackHeader(Path file, Box tkhd) throws IOException {
        ByteBuffer b = payload(file, tkhd, 0, (int) (tkhd.size() - tkhd.headerSize()));
        int version = b.get() & 0xFF;
        long duration;
        if (version == 1) {
            b.position(4 + 8 + 8 + 4 + 4);
            duration = b.getLong();
        } else {
            b.position(4 + 4 + 4 + 4 + 4);
            duration = Integer.toUnsignedLong(b.getInt());
        }
        b.position(b.limit() - 8);
        long width = Integer.toUnsignedLong(b.getInt()) >> 16;
        long height = Integer.toUnsignedLong(b.getInt()) >> 16;
        return new long[] {duration, width, height};
    }

    /** The handler type of an hdlr box ("vide", "soun", ...). */
    static String handlerType(Path file, Box hdlr) throws IOException {
        ByteBuffer b = payload(file, hdlr, 8, 4);
        return ascii(b, 4);
    }

    /** The first sample entry's format and, for visual entries, its width and height. */
    static SampleEntry firstSampleEntry(Path file, Box stsd) throws IOException {
        ByteBuffer b = payload(file, stsd, 0, 8 + 8 + 36);
        b.position(4);
        int entries = b.getInt();
        b.getInt(); // entry size
        String format = ascii(b, 4);
        b.position(8 + 8 + 8 + 16); // reserved, data_reference_index, pre_defined, reserved
        int width = b.getShort() & 0xFFFF;
        int height = b.getShort() & 0xFFFF;
        return new SampleEntry(entries, format, width, height);
    }

    record SampleEntry(int count, String format, int width, int height) {
    }
}
