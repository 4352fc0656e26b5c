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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks that a file is a complete MP4 by walking its boxes: top-level boxes must tile the file exactly (a
 * truncated download fails here), {@code ftyp}, {@code moov} and {@code mdat} must be present, and the movie must
 * have a video track. Reads only box headers and the {@code moov} box, never the media data, so a 1 GiB file is
 * checked in milliseconds.
 */
public final class Mp4Inspector {

    /** Larger {@code moov} boxes are not plausible for the clips this API produces. */
    private static final long MAX_MOOV_BYTES = 64L * 1024 * 1024;

    private Mp4Inspector() {
    }

    public static Mp4Info inspect(Path file) throws InvalidMediaException, IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long position = 0;
            boolean ftyp = false;
            boolean mdat = false;
            ByteBuffer moov = null;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (position < size) {
                header.clear().limit((int) Math.min(16, size - position));
                readFully(channel, header, position);
                header.flip();
                if (header.remaining() < 8) {
                    throw new InvalidMediaException("truncated box header at byte " + position);
                }
                long boxSize = Integer.toUnsignedLong(header.getInt());
                String type = fourcc(header);
                int headerLength = 8;
                if (boxSize == 1) {
                    if (header.remaining() < 8) {
                        throw new InvalidMediaException("truncated box header at byte " + position);
                    }
                    boxSize = header.getLong();
                    headerLength = 16;
                } else if (boxSize == 0) {
                    boxSize = size - position;
                }
                if (position == 0 && !"ftyp".equals(type)) {
                    throw new InvalidMediaException("not an MP4 file: it starts with '" + printable(type)
                                                    + "' instead of an ftyp box");
                }
                if (boxSize < headerLength || position + boxSize > size) {
                    throw new InvalidMediaException("box '" + printable(type) + "' at byte " + position + " declares "
                                                    + boxSize + " bytes but the file has " + (size - position)
                                                    + " left: the file is truncated or corrupt");
                }
                switch (type) {
                    case "ftyp" -> ftyp = true;
                    case "mdat" -> mdat = true;
                    case "moov" -> {
                        if (boxSize > MAX_MOOV_BYTES) {
                            throw new InvalidMediaException("moov box of " + boxSize + " bytes is implausibly large");
                        }
                        moov = ByteBuffer.allocate((int) (boxSize - headerLength));
                        readFully(channel, moov, position + headerLength);
                        moov.flip();
                    }
                    default -> {
                        // free, skip, uuid, ...: allowed and ignored
                    }
                }
                position += boxSize;
            }
            if (!ftyp || moov == null || !mdat) {
                throw new InvalidMediaException("not a complete MP4 file: ftyp " + present(ftyp) + ", moov "
                                                + present(moov != null) + ", mdat " + present(mdat));
            }
            return readMovie(moov);
        }
    }

    private static Mp4Info readMovie(ByteBuffer moov) throws InvalidMediaException {
        double duration = -1;
        int width = 0;
        int height = 0;
        String videoCodec = null;
        String audioCodec = null;
        while (moov.remaining() >= 8) {
            Box box = nextBox(moov);
            if ("mvhd".equals(box.type())) {
                duration = movieDuration(box.content());
            } else if ("trak".equals(box.type())) {
                Track track = readTrack(box.content());
                if ("vide".equals(track.handler) && videoCodec == null) {
                    videoCodec = track.sampleEntry;
                    width = track.width;
                    height = track.height;
                } else if ("soun".equals(track.handler) && audioCodec == null) {
                    audioCodec = track.sampleEntry;
                }
            }
        }
        if (duration < 0) {
            throw new InvalidMediaException("the moov box has no mvhd");
        }
        if (videoCodec == null) {
            throw new InvalidMediaException("the movie has no video track");
        }
        return new Mp4Info(duration, width, height, videoCodec, audioCodec);
    }

    private record Track(String handler, String sampleEntry, int width, int height) {
    }

    private static Track readTrack(ByteBuffer trak) throws InvalidMediaException {
        int width = 0;
        int height = 0;
        String handler = null;
        String entry = null;
        while (trak.remaining() >= 8) {
            Box next = nextBox(trak);
            ByteBuffer box = next.content();
            if ("tkhd".equals(next.type())) {
                int version = box.get() & 0xff;
                box.position(box.position() + 3 + (version == 1 ? 32 : 20) + 52);
                width = box.getInt() >>> 16;
                height = box.getInt() >>> 16;
            } else if ("mdia".equals(next.type())) {
                while (box.remaining() >= 8) {
                    Box child = nextBox(box);
                    if ("hdlr".equals(child.type())) {
                        // version+flags (4), pre_defined (4), then the handler type
                        child.content().position(8);
                        handler = fourcc(child.content());
                    } else if ("minf".equals(child.type())) {
                        entry = firstSampleEntry(child.content());
                    }
                }
            }
        }
        return new Track(handler, entry, width, height);
    }

    /** minf/stbl/stsd: the type of the first sample entry. */
    private static String firstSampleEntry(ByteBuffer minf) throws InvalidMediaException {
        while (minf.remaining() >= 8) {
            Box child = nextBox(minf);
            if ("stbl".equals(child.type())) {
                ByteBuffer stbl = child.content();
                while (stbl.remaining() >= 8) {
                    Box stsd = nextBox(stbl);
                    ByteBuffer entries = stsd.content();
                    // version+flags (4), entry count (4), then the first entry: size (4) and type
                    if ("stsd".equals(stsd.type()) && entries.remaining() >= 16) {
                        entries.position(12);
                        return fourcc(entries);
                    }
                }
            }
        }
        return null;
    }

    private static double movieDuration(ByteBuffer mvhd) {
        int version = mvhd.get() & 0xff;
        mvhd.position(mvhd.position() + 3);
        long timescale;
        long duration;
        if (version == 1) {
            mvhd.position(mvhd.position() + 16);
            timescale = Integer.toUnsignedLong(mvhd.getInt());
            duration = mvhd.getLong();
        } else {
            mvhd.position(mvhd.position() + 8);
            timescale = Integer.toUnsignedLong(mvhd.getInt());
            duration = Integer.toUnsignedLong(mvhd.getInt());
        }
        return timescale == 0 ? 0 : (double) duration / timescale;
    }

    /** A child box: its type and its content (positioned at the first content byte). */
    private record Box(String type, ByteBuffer content) {
    }

    /** Slices the next child box out of {@code parent} and advances {@code parent} past it. */
    private static Box nextBox(ByteBuffer parent) throws InvalidMediaException {
        int start = parent.position();
        long size = Integer.toUnsignedLong(parent.getInt(start));
        int headerLength = 8;
        if (size == 1) {
            size = parent.getLong(start + 8);
            headerLength = 16;
        } else if (size == 0) {
            size = parent.remaining();
        }
        if (size < headerLength || size > parent.remaining()) {
            throw new InvalidMediaException("malformed box inside moov at offset " + start);
        }
        ByteBuffer whole = parent.slice(start, (int) size);
        whole.position(4);
        String type = fourcc(whole);
        parent.position(start + (int) size);
        return new Box(type, whole.slice(headerLength, (int) size - headerLength));
    }

    private static String fourcc(ByteBuffer buffer) {
        byte[] type = new byte[4];
        buffer.get(type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                break;
            }
            at += read;
        }
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? type : "binary";
    }

    private static String present(boolean present) {
        return present ? "present" : "missing";
    }
}
