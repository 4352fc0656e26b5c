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
package io.github.camelsora.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One small file per key in a directory, for a single node. Every write goes to a temporary file that is synced and
 * then renamed over the record (a claim is a hard link, which fails atomically when the record exists), so a
 * process killed at any instant leaves each record either old or new, never torn. Records are cached in memory:
 * do not share the directory between processes running at the same time (use {@link JdbcJobStore} for that).
 */
public final class FileJobStore implements JobStore {

    private static final String SUFFIX = ".job";

    private final Path directory;
    private final Map<String, JobRecord> cache = new ConcurrentHashMap<>();

    public FileJobStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(SUFFIX) && !name.startsWith(".")) {
                        JobRecord record = read(file);
                        cache.put(record.key(), record);
                    } else if (name.startsWith(".") && name.endsWith(".tmp")
                               && Files.getLastModifiedTime(file).toMillis() < System.currentTimeMillis() - 60_000) {
                        Files.deleteIfExists(file); // a write interrupted by a crash; its record is intact
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the job store in " + directory, e);
        }
    }

    @Override
    public synchronized Optional<JobRecord> claim(JobRecord record) {
        JobRecord existing = cache.get(record.key());
        if (existing != null) {
            return Optional.of(existing);
        }
        Path target = fileOf(record.key());
        try {
            Path temporary = writeTemporary(record);
            try {
                Files.createLink(target, temporary);
            } catch (FileAlreadyExistsException e) {
                JobRecord onDisk = read(target);
                cache.put(onDisk.key(), onDisk);
                return Optional.of(onDisk);
            } catch (UnsupportedOperationException e) {
                if (Files.exists(target)) {
                    return Optional.of(read(target));
                }
                Files.copy(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the job record of key " + record.key() + " in " + directory, e);
        }
        cache.put(record.key(), record);
        return Optional.empty();
    }

    @Override
    public Optional<JobRecord> find(String key) {
        return Optional.ofNullable(cache.get(key));
    }

    @Override
    public synchronized void update(JobRecord record) {
        try {
            Path temporary = writeTemporary(record);
            try {
                Files.move(temporary, fileOf(record.key()), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, fileOf(record.key()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the job record of key " + record.key() + " in " + directory, e);
        }
        cache.put(record.key(), record);
    }

    @Override
    public synchronized void remove(String key) {
        try {
            Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the job record of key " + key + " in " + directory, e);
        }
        cache.remove(key);
    }

    @Override
    public boolean holdsVideo(String videoId) {
        return cache.values().stream().anyMatch(r -> videoId.equals(r.videoId()));
    }

    @Override
    public List<JobRecord> unfinished() {
        return cache.values().stream().filter(r -> !r.isFinished()).toList();
    }

    @Override
    public int purgeFinishedBefore(Instant before) {
        List<String> old = cache.values().stream()
                .filter(r -> r.isFinished() && r.updatedAt().isBefore(before)).map(JobRecord::key).toList();
        old.forEach(this::remove);
        return old.size();
    }

    private Path fileOf(String key) {
        return directory.resolve(sha256(key) + SUFFIX);
    }

    private Path writeTemporary(JobRecord record) throws IOException {
        Path temporary = Files.createTempFile(directory, ".", ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(serialize(record));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        return temporary;
    }

    static byte[] serialize(JobRecord record) {
        Properties properties = new Properties();
        put(properties, "key", record.key());
        put(properties, "fingerprint", record.fingerprint());
        put(properties, "state", record.state().name());
        put(properties, "videoId", record.videoId());
        put(properties, "owner", record.owner());
        put(properties, "claimedAt", record.claimedAt().toString());
        put(properties, "updatedAt", record.updatedAt().toString());
        put(properties, "file", record.file());
        put(properties, "status", record.status());
        put(properties, "errorCode", record.errorCode());
        put(properties, "errorMessage", record.errorMessage());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            properties.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(Properties properties, String name, String value) {
        if (value != null) {
            properties.setProperty(name, value);
        }
    }

    static JobRecord deserialize(byte[] bytes) throws IOException {
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(bytes));
        return new JobRecord(p.getProperty("key"), p.getProperty("fingerprint"), JobState.valueOf(p.getProperty("state")),
                p.getProperty("videoId"), p.getProperty("owner"), Instant.parse(p.getProperty("claimedAt")),
                Instant.parse(p.getProperty("updatedAt")), p.getProperty("file"), p.getProperty("status"),
                p.getProperty("errorCode"), p.getProperty("errorMessage"));
    }

    private static JobRecord read(Path file) throws IOException {
        try {
            return deserialize(Files.readAllBytes(file));
        } catch (RuntimeException e) {
            throw new IOException("Unreadable job record " + file + ": " + e.getMessage(), e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "FileJobStore[" + directory + "]";
    }
}
