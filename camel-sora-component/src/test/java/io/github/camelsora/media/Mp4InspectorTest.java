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

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Mp4InspectorTest {

    @TempDir
    Path directory;

    @Test
    void readsDurationSizeAndCodecs() throws Exception {
        Path file = write(movie(true));

        Mp4Info info = Mp4Inspector.inspect(file);

        assertThat(info.durationSeconds()).isEqualTo(8.0);
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.height()).isEqualTo(720);
        assertThat(info.videoCodec()).isEqualTo("avc1");
        assertThat(info.audioCodec()).isEqualTo("sowt");
    }

    @Test
    void rejectsATruncatedFile() throws Exception {
        byte[] whole = movie(false);
        Path file = write(Arrays.copyOf(whole, whole.length - 10));

        assertThatThrownBy(() -> Mp4Inspector.inspect(file))
                .isInstanceOf(InvalidMediaException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsJsonAndHtml() throws Exception {
        Path json = write("{\"error\":{\"message\":\"not ready\"}}".getBytes(StandardCharsets.UTF_8));
        Path html = write("<html><body>Gateway</body></html>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Mp4Inspector.inspect(json)).isInstanceOf(InvalidMediaException.class);
        assertThatThrownBy(() -> Mp4Inspector.inspect(html)).isInstanceOf(InvalidMediaException.class);
    }

    @Test
    void rejectsAMovieWithoutMediaData() throws Exception {
        byte[] noMdat = concat(box("ftyp", "isom".getBytes(StandardCharsets.US_ASCII), new byte[8]), moov(false));

        assertThatThrownBy(() -> Mp4Inspector.inspect(write(noMdat)))
                .isInstanceOf(InvalidMediaException.class)
                .hasMessageContaining("mdat missing");
    }

    private Path write(byte[] bytes) throws Exception {
        Path file = Files.createTempFile(directory, "clip", ".mp4");
        Files.write(file, bytes);
        return file;
    }

    static byte[] movie(boolean withAudio) {
        return concat(box("ftyp", "isom".getBytes(StandardCharsets.US_ASCII), new byte[8]), moov(withAudio),
                box("mdat", new byte[100]));
    }

    private static byte[] moov(boolean withAudio) {
        ByteBuffer mvhd = ByteBuffer.allocate(100);
        mvhd.putInt(0).putInt(0).putInt(0).putInt(1000).putInt(8000);
        byte[] video = trak("vide", "avc1", 1280, 720);
        return withAudio
                ? box("moov", box("mvhd", mvhd.array()), video, trak("soun", "sowt", 0, 0))
                : box("moov", box("mvhd", mvhd.array()), video);
    }

    private static byte[] trak(String handler, String entry, int width, int height) {
        ByteBuffer tkhd = ByteBuffer.allocate(84);
        tkhd.position(76);
        tkhd.putInt(width << 16).putInt(height << 16);
        ByteBuffer hdlr = ByteBuffer.allocate(24);
        hdlr.position(8);
        hdlr.put(handler.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer stsd = ByteBuffer.allocate(8);
        stsd.putInt(0).putInt(1);
        byte[] sampleEntry = box(entry, new byte[70]);
        byte[] stbl = box("stbl", box("stsd", stsd.array(), sampleEntry));
        return box("trak", box("tkhd", tkhd.array()),
                box("mdia", box("hdlr", hdlr.array()), box("minf", stbl)));
    }

    private static byte[] box(String type, byte[]... content) {
        byte[] body = concat(content);
        ByteBuffer box = ByteBuffer.allocate(8 + body.length);
        box.putInt(8 + body.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(body);
        return box.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
