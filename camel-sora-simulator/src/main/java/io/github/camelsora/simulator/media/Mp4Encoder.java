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
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.AudioFormat;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.muxer.MP4Muxer;
import org.jcodec.containers.mp4.muxer.PCMMP4MuxerTrack;
import org.jcodec.scale.AWTUtil;
import org.jcodec.scale.ColorUtil;
import org.jcodec.scale.Transform;

/**
 * Writes the simulator's MP4: one H.264 track (JCodec's pure-Java encoder) at one frame per second, plus a
 * 16 kHz mono 16-bit PCM track with a quiet tone that chirps at every second, in sync with the frame change.
 * One frame per second keeps a 20 s 720p clip to a few seconds of CPU, while the file stays a normal,
 * seekable, playable MP4 of exactly the requested duration.
 */
final class Mp4Encoder {

    /** Frames per second of the rendered clip: one frame per second of video. */
    static final int FPS = 1;
    /** Movie and video-track timescale (ticks per second); the mvhd duration is seconds * TIMESCALE. */
    static final int TIMESCALE = 1000;
    static final int AUDIO_SAMPLE_RATE = 16_000;
    /** An IDR every few seconds so players can seek without decoding from the start. */
    private static final int KEY_INTERVAL_FRAMES = 4;

    private static final double BASE_TONE_HZ = 220;
    private static final double CHIRP_TONE_HZ = 880;
    private static final double CHIRP_SECONDS = 0.08;
    private static final double AMPLITUDE = 0.06 * Short.MAX_VALUE; // quiet: about -24 dBFS

    private Mp4Encoder() {
    }

    /** Encodes the clip into {@code target} (overwritten). Checks the thread's interrupt flag between frames. */
    static void encode(Path target, int width, int height, int seconds, String prompt) throws IOException {
        int frames = seconds * FPS;
        int frameDuration = TIMESCALE / FPS;
        int samplesPerFrame = AUDIO_SAMPLE_RATE / FPS;
        try (SeekableByteChannel out = NIOUtils.writableChannel(target.toFile())) {
            MP4Muxer muxer = MP4Muxer.createMP4MuxerToChannel(out);
            MuxerTrack video = muxer.addVideoTrack(Codec.H264,
                    VideoCodecMeta.createSimpleVideoCodecMeta(new Size(width, height), ColorSpace.YUV420J));
            PCMMP4MuxerTrack audio = muxer.addPCMAudioTrack(AudioFormat.MONO_S16_LE(AUDIO_SAMPLE_RATE));
            H264Encoder encoder = H264Encoder.createH264Encoder();
            encoder.setKeyInterval(KEY_INTERVAL_FRAMES);
            // JCodec pads to whole macroblocks itself and writes SPS frame cropping for e.g. 1080 lines.
            // The encoder only accepts pictures tagged YUV420J (full range), but its SPS carries no range flag,
            // so every decoder reads the samples as limited (TV) range. Converting to limited-range YUV420 and
            // handing the same planes over with the J tag keeps colours right instead of over-contrasted.
            Picture limitedRange = Picture.create(width, height, ColorSpace.YUV420);
            Picture picture = Picture.createPicture(width, height, limitedRange.getData(), ColorSpace.YUV420J);
            Transform toYuv = ColorUtil.getTransform(ColorSpace.RGB, ColorSpace.YUV420);
            ByteBuffer encoded = null;
            ToneGenerator tone = new ToneGenerator();
            for (int i = 0; i < frames; i++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("video render interrupted");
                }
                BufferedImage image = FramePainter.paint(width, height, prompt, i, frames);
                toYuv.transform(AWTUtil.fromBufferedImageRGB(image), limitedRange);
                if (encoded == null) {
                    encoded = ByteBuffer.allocate(encoder.estimateBufferSize(picture));
                }
                encoded.clear();
                VideoEncoder.EncodedFrame frame = encoder.encodeFrame(picture, encoded);
                video.addFrame(Packet.createPacket(frame.getData(), (long) i * frameDuration, TIMESCALE,
                        frameDuration, i, frame.isKeyFrame() ? Packet.FrameType.KEY : Packet.FrameType.INTER, null));
                audio.addSamples(tone.next(samplesPerFrame));
            }
            muxer.finish();
        }
    }

    /**
     * Copies {@code source} to {@code target} and appends one top-level {@code free} box so the file is at
     * least {@code totalBytes} long. The free box comes after moov and mdat, so every player skips it. The
     * box body is left as a sparse hole (zeros), written without touching memory or much disk.
     */
    static void pad(Path source, Path target, long totalBytes) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            long copied = 0;
            while (copied < size) {
                copied += in.transferTo(copied, size - copied, out);
            }
            long boxSize = Math.max(8, totalBytes - size);
            boolean large = boxSize > 0xFFFF_FFFFL;
            if (large) {
                boxSize = Math.max(16, boxSize);
            }
            ByteBuffer header = ByteBuffer.allocate(large ? 16 : 8).order(ByteOrder.BIG_ENDIAN);
            header.putInt(large ? 1 : (int) boxSize).put(new byte[] {'f', 'r', 'e', 'e'});
            if (large) {
                header.putLong(boxSize); // ISO BMFF largesize form for boxes of 4 GiB and more
            }
            header.flip();
            out.position(size);
            while (header.hasRemaining()) {
                out.write(header);
            }
            long end = size + boxSize;
            if (out.position() < end) {
                // writing the last byte extends the file; the gap reads back as zeros
                out.write(ByteBuffer.wrap(new byte[1]), end - 1);
            }
        }
    }

    /** Phase-continuous quiet sine with a short higher chirp at the start of every second. */
    private static final class ToneGenerator {
        private long sampleIndex;
        private double phase;

        ByteBuffer next(int samples) {
            ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int s = 0; s < samples; s++, sampleIndex++) {
                double inSecond = (sampleIndex % AUDIO_SAMPLE_RATE) / (double) AUDIO_SAMPLE_RATE;
                double frequency = inSecond < CHIRP_SECONDS ? CHIRP_TONE_HZ : BASE_TONE_HZ;
                phase += 2 * Math.PI * frequency / AUDIO_SAMPLE_RATE;
                if (phase > 2 * Math.PI) {
                    phase -= 2 * Math.PI;
                }
                pcm.putShort((short) Math.round(AMPLITUDE * Math.sin(phase)));
            }
            pcm.flip();
            return pcm;
        }
    }
}
