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

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.imageio.ImageIO;

/**
 * Renders the simulator's media: real H.264 + PCM MP4 clips with the prompt drawn on the frames, a WebP
 * thumbnail and a JPEG spritesheet.
 *
 * <p>MP4 files (plain and padded) are cached on disk under {@code cacheDir}, named by a hash of their key, and
 * bounded by an LRU of {@code maxCachedVideos} files; evicted files are deleted. Each file is written to a
 * temporary name and atomically moved into place, so a reader never sees a partial file. Concurrent requests
 * for the same key share a single render. A reader that already opened an evicted file keeps reading it (POSIX
 * unlink semantics); a caller holding an evicted path just asks again and gets a fresh render.
 */
public final class MediaRenderer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MediaRenderer.class.getName());
    /** Part of every cache key: bump it when the rendering changes so stale files on disk are not reused. */
    private static final String RENDER_VERSION = "1";
    private static final String RENDER_THREAD_NAME = "sora-sim-render";
    private static final int MIN_DIMENSION = 16;
    private static final int MAX_DIMENSION = 4096;
    private static final int MAX_SECONDS = 600;
    /** Spritesheet tiles have this many pixels on their longer side. */
    private static final int SPRITE_TILE_LONG_SIDE = 160;
    private static final int SPRITE_MAX_COLUMNS = 10;
    private static final long CLOSE_TIMEOUT_SECONDS = 30;

    private final Path cacheDir;
    private final int maxCachedVideos;
    private final ExecutorService renderThread;
    /** The executor's worker, joined on close: executor termination alone may precede the thread's exit. */
    private volatile Thread renderThreadHandle;
    private final Object lock = new Object();
    /** Access-ordered: iteration starts at the least recently used entry. Guarded by {@link #lock}. */
    private final LinkedHashMap<String, CompletableFuture<Path>> files = new LinkedHashMap<>(16, 0.75f, true);
    /** Keys whose prerender is queued or running. Guarded by {@link #lock}. */
    private final Set<String> prerendering = new HashSet<>();
    private final AtomicInteger renders = new AtomicInteger();

    /**
     * @param cacheDir        where rendered files live (created if missing)
     * @param maxCachedVideos LRU bound on cached MP4 files, at least 1; evicted files are deleted
     */
    public MediaRenderer(Path cacheDir, int maxCachedVideos) {
        if (maxCachedVideos < 1) {
            throw new IllegalArgumentException("maxCachedVideos must be at least 1, got " + maxCachedVideos);
        }
        this.cacheDir = cacheDir.toAbsolutePath();
        this.maxCachedVideos = maxCachedVideos;
        try {
            Files.createDirectories(this.cacheDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create media cache directory " + this.cacheDir, e);
        }
        this.renderThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, RENDER_THREAD_NAME);
                    thread.setDaemon(true);
                    renderThreadHandle = thread;
                    return thread;
                });
        // start the one thread now, so the thread count never changes after construction
        ((ThreadPoolExecutor) renderThread).prestartCoreThread();
    }

    /**
     * A playable MP4 (H.264 at 1 fps, exactly width x height, exactly {@code seconds} long, 16 kHz mono PCM
     * audio, the prompt drawn on every frame). Cached by (width, height, seconds, prompt); concurrent callers for
     * the same key share one render. Thread-safe.
     *
     * @return the cached file; valid until evicted by later renders
     */
    public Path video(int width, int height, int seconds, String prompt) throws IOException {
        checkVideoArguments(width, height, seconds);
        String text = prompt == null ? "" : prompt;
        String key = videoKey(width, height, seconds, text);
        return cached(key, "video-" + width + "x" + height + "-" + seconds + "s-" + hash(key) + ".mp4",
                target -> Mp4Encoder.encode(target, width, height, seconds, text));
    }

    /**
     * Starts {@link #video} on the render thread and returns at once. A key that is already cached, rendering or
     * queued is ignored. Failures are logged; calling {@link #video} later renders again.
     */
    public void prerender(int width, int height, int seconds, String prompt) {
        checkVideoArguments(width, height, seconds);
        String text = prompt == null ? "" : prompt;
        String key = videoKey(width, height, seconds, text);
        synchronized (lock) {
            CompletableFuture<Path> existing = files.get(key);
            if ((existing != null && !existing.isCompletedExceptionally()) || !prerendering.add(key)) {
                return;
            }
        }
        try {
            renderThread.execute(() -> {
                try {
                    video(width, height, seconds, text);
                } catch (IOException | RuntimeException e) {
                    if (!Thread.currentThread().isInterrupted()) {
                        LOG.log(Level.WARNING, "prerender of " + width + "x" + height + " " + seconds + "s failed", e);
                    }
                } finally {
                    synchronized (lock) {
                        prerendering.remove(key);
                    }
                }
            });
        } catch (RejectedExecutionException closed) {
            synchronized (lock) {
                prerendering.remove(key);
            }
        }
    }

    /** Lossless WebP (VP8L) of the clip's first frame at the requested size. */
    public byte[] thumbnail(int width, int height, String prompt) throws IOException {
        checkDimensions(width, height);
        String text = prompt == null ? "" : prompt;
        return WebpLosslessEncoder.encode(FramePainter.paint(width, height, text, 0, 1));
    }

    /**
     * JPEG grid with one tile per second of the clip, in reading order, at most 10 columns. Tiles keep the
     * clip's aspect ratio with 160 pixels on the longer side.
     */
    public byte[] spritesheet(int width, int height, int seconds, String prompt) throws IOException {
        checkVideoArguments(width, height, seconds);
        String text = prompt == null ? "" : prompt;
        int frames = seconds * Mp4Encoder.FPS;
        int tileWidth = width >= height ? SPRITE_TILE_LONG_SIDE
                : Math.max(1, Math.round(SPRITE_TILE_LONG_SIDE * (float) width / height));
        int tileHeight = height > width ? SPRITE_TILE_LONG_SIDE
                : Math.max(1, Math.round(SPRITE_TILE_LONG_SIDE * (float) height / width));
        int columns = Math.min(frames, SPRITE_MAX_COLUMNS);
        int rows = (frames + columns - 1) / columns;
        BufferedImage sheet = new BufferedImage(columns * tileWidth, rows * tileHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            for (int i = 0; i < frames; i++) {
                BufferedImage frame = FramePainter.paint(width, height, text, i, frames);
                g.drawImage(frame, (i % columns) * tileWidth, (i / columns) * tileHeight, tileWidth, tileHeight,
                        null);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(sheet, "jpg", out)) {
            throw new IOException("no JPEG writer available in ImageIO");
        }
        return out.toByteArray();
    }

    /**
     * The clip of {@link #video} followed by a top-level {@code free} box so that the file is at least
     * {@code totalBytes} long and still plays. Streamed to disk (the padding is a sparse hole), cached like
     * videos and counted in the same LRU bound.
     */
    public Path paddedVideo(int width, int height, int seconds, String prompt, long totalBytes) throws IOException {
        if (totalBytes < 0) {
            throw new IllegalArgumentException("totalBytes must not be negative, got " + totalBytes);
        }
        checkVideoArguments(width, height, seconds);
        String text = prompt == null ? "" : prompt;
        String key = videoKey(width, height, seconds, text) + "|padded|" + totalBytes;
        return cached(key, "padded-" + width + "x" + height + "-" + seconds + "s-" + totalBytes + "-" + hash(key)
                + ".mp4", target -> {
                    try {
                        Mp4Encoder.pad(video(width, height, seconds, text), target, totalBytes);
                    } catch (NoSuchFileException evictedMeanwhile) {
                        // another render evicted the source between video() and opening it: render it again
                        Mp4Encoder.pad(video(width, height, seconds, text), target, totalBytes);
                    }
                });
    }

    /** Stops the render thread (interrupting a prerender in progress) and waits for it to end. */
    @Override
    public void close() {
        renderThread.shutdownNow();
        try {
            Thread worker = renderThreadHandle;
            if (!renderThread.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning("render thread did not stop within " + CLOSE_TIMEOUT_SECONDS + " s");
            } else if (worker != null && worker != Thread.currentThread()) {
                worker.join(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Number of files actually rendered or padded so far (cache hits excluded); for tests and diagnostics. */
    int renderCount() {
        return renders.get();
    }

    /** Number of prerenders queued or running; for tests. */
    int pendingPrerenders() {
        synchronized (lock) {
            return prerendering.size();
        }
    }

    @FunctionalInterface
    private interface FileRenderer {
        void renderTo(Path target) throws IOException;
    }

    /**
     * The single-flight cache: the first caller for a key renders, everyone else waits on the same future.
     * A finished entry whose file has disappeared (deleted by hand) is rendered again.
     */
    private Path cached(String key, String fileName, FileRenderer renderer) throws IOException {
        CompletableFuture<Path> future;
        boolean owner = false;
        synchronized (lock) {
            future = files.get(key);
            if (future != null && future.isDone() && !future.isCompletedExceptionally()
                    && !Files.exists(future.join())) {
                files.remove(key);
                future = null;
            }
            if (future == null) {
                future = new CompletableFuture<>();
                files.put(key, future);
                owner = true;
            }
        }
        if (owner) {
            try {
                Path target = cacheDir.resolve(fileName);
                // a complete file from an earlier run with the same render version is reused as is
                if (!Files.exists(target)) {
                    renders.incrementAndGet();
                    renderAtomically(target, renderer);
                }
                future.complete(target);
                evictBeyondLimit(key);
            } catch (IOException | RuntimeException | Error e) {
                synchronized (lock) {
                    files.remove(key, future);
                }
                future.completeExceptionally(e);
                throw e;
            }
        }
        return await(future);
    }

    private void renderAtomically(Path target, FileRenderer renderer) throws IOException {
        Path temp = Files.createTempFile(cacheDir, "." + target.getFileName(), ".part");
        try {
            renderer.renderTo(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Deletes the least recently used finished files beyond the bound. Renders in progress and the file just
     * produced (whose entry may be older than the ones it waited on, e.g. a padded copy of a fresh video) are
     * never evicted.
     */
    private void evictBeyondLimit(String justProduced) {
        Map<String, Path> evicted = new LinkedHashMap<>();
        synchronized (lock) {
            files.get(justProduced); // mark as most recently used
            int finished = 0;
            for (CompletableFuture<Path> f : files.values()) {
                if (f.isDone()) {
                    finished++;
                }
            }
            Iterator<Map.Entry<String, CompletableFuture<Path>>> it = files.entrySet().iterator();
            while (finished > maxCachedVideos && it.hasNext()) {
                Map.Entry<String, CompletableFuture<Path>> entry = it.next();
                if (entry.getValue().isDone()) {
                    it.remove();
                    finished--;
                    if (!entry.getValue().isCompletedExceptionally()) {
                        evicted.put(entry.getKey(), entry.getValue().join());
                    }
                }
            }
        }
        for (Path path : evicted.values()) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not delete evicted media file " + path, e);
            }
        }
    }

    private static Path await(CompletableFuture<Path> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a render");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException("render failed: " + io.getMessage(), io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException("render failed", cause);
        }
    }

    private static String videoKey(int width, int height, int seconds, String prompt) {
        return RENDER_VERSION + "|" + width + "x" + height + "|" + seconds + "|" + prompt;
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }

    private static void checkVideoArguments(int width, int height, int seconds) {
        checkDimensions(width, height);
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("seconds must be in 1.." + MAX_SECONDS + ", got " + seconds);
        }
    }

    /** H.264 4:2:0 cropping works in steps of two pixels, hence even sizes only. */
    private static void checkDimensions(int width, int height) {
        if (width < MIN_DIMENSION || height < MIN_DIMENSION || width > MAX_DIMENSION || height > MAX_DIMENSION
                || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("size must be even and within " + MIN_DIMENSION + ".."
                    + MAX_DIMENSION + ", got " + width + "x" + height);
        }
    }
}
