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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import io.github.camelsora.simulator.media.Mp4Boxes.Box;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaRendererTest {

    private static final String PROMPT = "A calico cat rides a vintage bicycle through a rainy Tokyo street at night, "
            + "neon reflections on wet asphalt, cinematic tracking shot";

    @TempDir
    Path cacheDir;

    private MediaRenderer renderer;

    @BeforeEach
    void createRenderer() {
        renderer = new MediaRenderer(cacheDir, 8);
    }

    @AfterEach
    void closeRenderer() {
        renderer.close();
    }

    @Test
    void videoIsAnMp4WithH264AndPcmTracksOfTheRequestedSizeAndDuration() throws Exception {
        Path video = renderer.video(720, 1280, 4, PROMPT);

        assertMp4(video, 720, 1280, 4);
        List<Box> top = Mp4Boxes.parse(video);
        assertThat(top.get(0).type()).isEqualTo("ftyp");
        assertThat(top).extracting(Box::type).contains("mdat", "moov");
        assertThat(video.getFileName().toString()).endsWith(".mp4");
    }

    @Test
    void decodedFirstFrameShowsThePaintedFrame() throws Exception {
        Path video = renderer.video(720, 1280, 4, PROMPT);

        Picture picture = FrameGrab.getFrameFromFile(video.toFile(), 0);
        assertThat(picture.getCroppedWidth()).isEqualTo(720);
        assertThat(picture.getCroppedHeight()).isEqualTo(1280);
        BufferedImage decoded = AWTUtil.toBufferedImage(picture);
        BufferedImage painted = FramePainter.paint(720, 1280, PROMPT, 0, 4);
        assertThat(meanAbsoluteDifference(decoded, painted)).isLessThan(6.0);
    }

    @Test
    void fullHdLandscapeKeepsItsExact1080LinesThroughCropping() throws Exception {
        Path video = renderer.video(1920, 1080, 1, "full HD");

        assertMp4(video, 1920, 1080, 1);
        Picture picture = FrameGrab.getFrameFromFile(video.toFile(), 0);
        assertThat(picture.getCroppedWidth()).isEqualTo(1920);
        assertThat(picture.getCroppedHeight()).isEqualTo(1080);
        BufferedImage image = AWTUtil.toBufferedImage(picture);
        assertThat(image.getWidth()).isEqualTo(1920);
        assertThat(image.getHeight()).isEqualTo(1080);
    }

    @Test
    void eightSecondClipLastsEightSeconds() throws Exception {
        Path video = renderer.video(320, 180, 8, "eight seconds");

        assertMp4(video, 320, 180, 8);
        Picture lastFrame = FrameGrab.getFrameFromFile(video.toFile(), 7);
        assertThat(lastFrame.getCroppedHeight()).isEqualTo(180);
    }

    @Test
    void secondRequestForTheSameKeyIsACacheHit() throws Exception {
        Path first = renderer.video(160, 96, 2, "cached");
        Path second = renderer.video(160, 96, 2, "cached");
        Path otherPrompt = renderer.video(160, 96, 2, "cached, but different");

        assertThat(second).isEqualTo(first);
        assertThat(otherPrompt).isNotEqualTo(first);
        assertThat(renderer.renderCount()).isEqualTo(2);
        assertThat(first.getParent()).isEqualTo(cacheDir.toAbsolutePath());
        try (var listing = Files.list(cacheDir)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .as("no temporary files are left behind")
                    .allMatch(name -> name.endsWith(".mp4"))
                    .hasSize(2);
        }
    }

    @Test
    void concurrentCallersForOneKeyShareASingleRender() throws Exception {
        int callers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<Path> call = () -> {
                    start.await();
                    return renderer.video(160, 96, 3, "shared");
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            Path expected = results.get(0).get();
            for (Future<Path> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
            assertThat(renderer.renderCount()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void duplicatePrerendersAreCoalescedIntoOneRender() throws Exception {
        for (int i = 0; i < 5; i++) {
            renderer.prerender(160, 96, 2, "prerendered");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> renderer.pendingPrerenders() == 0);

        assertThat(renderer.renderCount()).isEqualTo(1);
        Path video = renderer.video(160, 96, 2, "prerendered");
        assertThat(video).exists();
        assertThat(renderer.renderCount()).as("video() after prerender is a cache hit").isEqualTo(1);

        renderer.prerender(160, 96, 2, "prerendered");
        assertThat(renderer.pendingPrerenders()).as("already cached: nothing queued").isZero();
    }

    @Test
    void oneDaemonRenderThreadExistsUntilClose() {
        assertThat(renderThreads()).hasSize(1).allMatch(Thread::isDaemon);

        renderer.close();

        assertThat(renderThreads()).isEmpty();
    }

    @Test
    void closeStopsARunningPrerenderAndLeavesNoPartialFile() throws Exception {
        renderer.prerender(640, 360, 120, "long clip, interrupted by close");
        await().atMost(Duration.ofSeconds(10)).until(() -> renderer.renderCount() == 1);

        renderer.close();

        assertThat(renderThreads()).isEmpty();
        try (var listing = Files.list(cacheDir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
        renderer.prerender(160, 96, 1, "after close");
        assertThat(renderer.pendingPrerenders()).as("prerender after close is ignored").isZero();
    }

    @Test
    void oddOrOutOfRangeArgumentsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.video(721, 1280, 4, "odd"));
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.video(720, 1280, 0, "zero seconds"));
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.thumbnail(8, 8, "too small"));
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.paddedVideo(720, 1280, 4, "x", -1));
    }

    @Test
    void leastRecentlyUsedVideosAreEvictedAndTheirFilesDeleted() throws Exception {
        try (MediaRenderer small = new MediaRenderer(cacheDir.resolve("small"), 2)) {
            Path a = small.video(160, 96, 1, "a");
            Path b = small.video(160, 96, 1, "b");
            small.video(160, 96, 1, "a"); // touch a: b becomes the eldest
            Path c = small.video(160, 96, 1, "c");

            assertThat(a).exists();
            assertThat(c).exists();
            assertThat(b).doesNotExist();
            assertThat(small.renderCount()).isEqualTo(3);

            assertThat(small.video(160, 96, 1, "b")).exists();
            assertThat(small.renderCount()).as("an evicted video renders again").isEqualTo(4);
        }
    }

    @Test
    void thumbnailIsALosslessWebpOfTheFirstFrame() throws Exception {
        byte[] webp = renderer.thumbnail(1280, 720, PROMPT);

        assertThat(new String(webp, 0, 4, "US-ASCII")).isEqualTo("RIFF");
        assertThat(new String(webp, 8, 8, "US-ASCII")).isEqualTo("WEBPVP8L");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(webp));
        assertThat(decoded).isNotNull();
        BufferedImage expected = FramePainter.paint(1280, 720, PROMPT, 0, 1);
        assertSamePixels(decoded, expected);
    }

    @Test
    void spritesheetIsAJpegGridWithOneTilePerSecond() throws Exception {
        byte[] jpeg = renderer.spritesheet(720, 1280, 4, PROMPT);

        assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
        BufferedImage sheet = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(sheet.getWidth()).isEqualTo(4 * 90);
        assertThat(sheet.getHeight()).isEqualTo(160);

        BufferedImage twelve = ImageIO.read(new ByteArrayInputStream(renderer.spritesheet(1792, 1024, 12, "x")));
        assertThat(twelve.getWidth()).isEqualTo(10 * 160);
        assertThat(twelve.getHeight()).isEqualTo(2 * 91);
    }

    @Test
    void paddedVideoReachesTheSizeAndStillParsesAndDecodes() throws Exception {
        long total = 5L * 1024 * 1024;
        Path padded = renderer.paddedVideo(320, 180, 2, "padded", total);
        Path plain = renderer.video(320, 180, 2, "padded");

        assertThat(padded).isNotEqualTo(plain);
        assertThat(Files.size(padded)).isEqualTo(total);
        List<Box> top = Mp4Boxes.parse(padded);
        Box free = top.get(top.size() - 1);
        assertThat(free.type()).isEqualTo("free");
        assertThat(free.end()).isEqualTo(total);
        assertThat(top.get(top.size() - 2).end()).isEqualTo(Files.size(plain));
        assertMp4(padded, 320, 180, 2);
        assertThat(FrameGrab.getFrameFromFile(padded.toFile(), 1).getCroppedWidth()).isEqualTo(320);

        assertThat(renderer.paddedVideo(320, 180, 2, "padded", total)).isEqualTo(padded);
        assertThat(renderer.renderCount()).as("one video, one padded copy").isEqualTo(2);
    }

    @Test
    void paddingSmallerThanTheVideoStillAddsAMinimalFreeBox() throws Exception {
        Path plain = renderer.video(160, 96, 1, "tiny");
        Path padded = renderer.paddedVideo(160, 96, 1, "tiny", 10);

        assertThat(Files.size(padded)).isEqualTo(Files.size(plain) + 8);
        List<Box> top = Mp4Boxes.parse(padded);
        assertThat(top.get(top.size() - 1).type()).isEqualTo("free");
    }

    /** Checks ftyp, mvhd, two tracks (vide avc1 with the exact size, soun), all of exactly {@code seconds}. */
    private static void assertMp4(Path file, int width, int height, int seconds) throws Exception {
        List<Box> top = Mp4Boxes.parse(file);
        assertThat(top.get(0).type()).isEqualTo("ftyp");
        Box moov = top.stream().filter(b -> b.type().equals("moov")).findFirst().orElseThrow();

        long[] movie = Mp4Boxes.timescaleAndDuration(file, moov.path("mvhd"));
        assertThat((double) movie[1] / movie[0]).isCloseTo((double) seconds, offset(0.1));

        List<Box> tracks = moov.all("trak");
        assertThat(tracks).hasSize(2);
        List<String> handlers = new ArrayList<>();
        for (Box trak : tracks) {
            String handler = Mp4Boxes.handlerType(file, trak.path("mdia/hdlr"));
            handlers.add(handler);
            long[] tkhd = Mp4Boxes.trackHeader(file, trak.path("tkhd"));
            assertThat((double) tkhd[0] / movie[0]).as("%s track duration", handler)
                    .isCloseTo((double) seconds, offset(0.1));
            long[] media = Mp4Boxes.timescaleAndDuration(file, trak.path("mdia/mdhd"));
            assertThat((double) media[1] / media[0]).as("%s media duration", handler)
                    .isCloseTo((double) seconds, offset(0.1));
            Mp4Boxes.SampleEntry entry = Mp4Boxes.firstSampleEntry(file, trak.path("mdia/minf/stbl/stsd"));
            assertThat(entry.count()).isEqualTo(1);
            if (handler.equals("vide")) {
                assertThat(tkhd[1]).as("tkhd width").isEqualTo(width);
                assertThat(tkhd[2]).as("tkhd height").isEqualTo(height);
                assertThat(entry.format()).isEqualTo("avc1");
                assertThat(entry.width()).as("avc1 width").isEqualTo(width);
                assertThat(entry.height()).as("avc1 height").isEqualTo(height);
            } else {
                assertThat(entry.format()).as("16-bit little-endian PCM").isEqualTo("sowt");
            }
        }
        assertThat(handlers).containsExactlyInAnyOrder("vide", "soun");
    }

    private static List<Thread> renderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("sora-sim-render") && t.isAlive())
                .toList();
    }

    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        int w = expected.getWidth();
        int h = expected.getHeight();
        int[] actualPixels = actual.getRGB(0, 0, w, h, null, 0, w);
        int[] expectedPixels = expected.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < expectedPixels.length; i++) {
            if (actualPixels[i] != (expectedPixels[i] | 0xFF000000)) {
                throw new AssertionError(String.format("pixel (%d,%d): expected %08x but was %08x",
                        i % w, i / w, expectedPixels[i] | 0xFF000000, actualPixels[i]));
            }
        }
    }
}
