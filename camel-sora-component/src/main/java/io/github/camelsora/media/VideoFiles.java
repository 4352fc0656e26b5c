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
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where downloads land and how they get there: a temporary file next to the target, checked, then moved into place
 * atomically, so that the target path only ever holds a complete, verified file.
 */
public final class VideoFiles {

    /** Ids become file names: letters, digits and {@code _ - . =} only, no leading dot, bounded length. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_=-][A-Za-z0-9_.=-]{0,254}");
    private static final Pattern OPAQUE_ID = Pattern.compile("[A-Za-z0-9_=+/-][A-Za-z0-9_.=+/:-]{0,254}");

    private VideoFiles() {
    }

    /** The final path of a video's file: {@code <directory>/<videoId>.<extension>}. */
    public static Path target(Path directory, String videoId, String extension) {
        requireSafeId(videoId);
        Path base = directory.toAbsolutePath().normalize();
        Path target = base.resolve(videoId + "." + extension).normalize();
        // belt and braces: whatever the id, the file is a direct child of the output directory
        if (!base.equals(target.getParent())) {
            throw new IllegalArgumentException("Refusing to write outside " + base);
        }
        return target;
    }

    /** Whether an id is safe to use as a file name (see {@link #requireSafeId}). */
    public static boolean isSafeId(String videoId) {
        return videoId != null && SAFE_ID.matcher(videoId).matches() && !videoId.contains("..");
    }

    /**
     * Whether an id a server returned is acceptable at all. Ids are opaque: a proxy such as LiteLLM returns base64
     * ({@code + / =}), Bedrock an ARN ({@code arn:aws:bedrock:...:async-invoke/...}), a gateway may pass an ARN or URN
     * on ({@code :}); these are fine in a URL segment (encoded) and are named on disk by {@link #safeStem};
     * {@code task_...}, {@code vid_...}, UUIDs are safe names. What
     * is refused is what only a hostile server sends: control, space or non-ASCII characters, {@code ..}, a leading
     * dot, a backslash, {@code %}, more than 255 characters.
     */
    public static boolean isAcceptableId(String videoId) {
        return videoId != null && OPAQUE_ID.matcher(videoId).matches() && !videoId.contains("..");
    }

    /** An id made printable for a message: control characters escaped, at most 100 characters. */
    public static String printableId(String videoId) {
        return videoId == null ? "null" : printable(videoId);
    }

    /**
     * Refuses ids that could leave the output directory or hide: path separators, {@code ..}, a leading dot,
     * control or non-ASCII characters, more than 255 characters. The message quotes the id made printable.
     */
    public static void requireSafeId(String videoId) {
        if (!isSafeId(videoId)) {
            throw new IllegalArgumentException("Refusing to use video id '" + printable(videoId)
                                               + "' as a file name: only letters, digits, '_', '-', '.' and '='");
        }
    }

    private static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(100).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.length() > 100 ? out + "..." : out.toString();
    }

    /**
     * The file name stem for an id: the id itself when it is a safe name, else (opaque ids of proxies, which may hold
     * {@code /} or {@code +}) {@code video_} plus the first 32 hex digits of its SHA-256, stable for one id.
     */
    public static String safeStem(String videoId) {
        if (videoId != null && SAFE_ID.matcher(videoId).matches() && !videoId.contains("..")) {
            return videoId;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(videoId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "video_" + java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** A verified still image in its place. */
    public record SavedImage(Path file, ImageInfo info) {
    }

    /**
     * Verifies a downloaded still image by its magic bytes and header and moves it to {@code <directory>/<stem>.<ext>}
     * with the extension of the format it really is (the declared content type is not trusted). On failure the
     * temporary file is deleted.
     */
    public static SavedImage commitImage(Path temporary, Path directory, String stem)
            throws InvalidMediaException, IOException {
        try {
            byte[] head;
            try (java.io.InputStream in = Files.newInputStream(temporary)) {
                head = in.readNBytes(256 * 1024);
            }
            ImageInfo info = ImageProbe.probe(head);
            Path target = target(directory, stem, info.type().extension());
            moveIntoPlace(temporary, target);
            return new SavedImage(target, info);
        } catch (InvalidMediaException | IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    private static final String PART = ".part";

    /** This process's id, asked each time: never a static initialiser (a native image would keep the build's). */
    private static long pid() {
        return ProcessHandle.current().pid();
    }

    /**
     * A fresh temporary file in the target's directory (same file system, so the final move is atomic), hidden and
     * named {@code .<target>.<pid>.<random>.part} so that a later run can tell a dead process's leftovers.
     */
    public static Path temporaryFor(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.createTempFile(target.getParent(), "." + target.getFileName() + "." + pid() + ".", PART);
    }

    /**
     * Deletes temporary download files left in {@code directory} by a process that died (killed mid-download): those
     * whose process no longer runs on this machine, and any older than {@code maxAge} (another machine's, or a pid
     * reused since). Returns how many were deleted.
     */
    public static int deleteStaleTemporaries(Path directory, Duration maxAge) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        long oldest = System.currentTimeMillis() - maxAge.toMillis();
        long self = pid();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ".*" + PART)) {
            for (Path file : files) {
                Long pid = pidOf(file.getFileName().toString());
                boolean orphan = pid != null && pid != self && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
                boolean old = Files.getLastModifiedTime(file).toMillis() < oldest;
                if ((orphan || old) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private static Long pidOf(String name) {
        // .<videoId>.mp4.<pid>.<random>.part
        String[] parts = name.split("\\.");
        if (parts.length < 5) {
            return null;
        }
        try {
            return Long.parseLong(parts[parts.length - 3]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Verifies a downloaded MP4 and moves it into place. On failure the temporary file is deleted and the target
     * is left untouched.
     */
    public static Mp4Info commitMp4(Path temporary, Path target) throws InvalidMediaException, IOException {
        try {
            Mp4Info info = Mp4Inspector.inspect(temporary);
            moveIntoPlace(temporary, target);
            return info;
        } catch (InvalidMediaException | IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
