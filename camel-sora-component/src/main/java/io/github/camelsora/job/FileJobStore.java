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
import java.math.BigDecimal;
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
import java.time.LocalDate;
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
public final class FileJobStore implements JobStore, SpendLedger {

    private static final String SUFFIX = ".job";

    private final Path directory;
    private final Map<String, JobRecord> cache = new ConcurrentHashMap<>();

    /**
     * A store in {@code directory}, created if missing. This constructor is the one a YAML {@code beans:} entry
     * ({@code constructors: {0: /var/lib/sora-jobs}}) or camel-main's
     * {@code camel.beans.jobs = #class:io.github.camelsora.job.FileJobStore("/var/lib/sora-jobs")} calls: Camel has no
     * type converter from a String to a {@link Path}.
     */
    public FileJobStore(String directory) {
        this(Path.of(requireDirectory(directory)));
    }

    public FileJobStore(Path directory) {
        if (directory == null) {
            throw new IllegalArgumentException("FileJobStore needs a directory");
        }
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

    private static String requireDirectory(String directory) {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("FileJobStore needs a directory");
        }
        return directory.trim();
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
    public int purgeFinishedBefore(Instant before) {
        List<String> old = cache.values().stream()
                .filter(r -> r.isFinished() && r.updatedAt().isBefore(before)).map(JobRecord::key).toList();
        old.forEach(this::remove);
        return old.size();
    }

    /** The day's spend, in {@code spend-<day>} beside the records, written like a record (synced, then moved). */
    @Override
    public synchronized BigDecimal tryAdd(LocalDate day, BigDecimal amount, BigDecimal max) {
        BigDecimal total = total(day);
        if (total.add(amount).compareTo(max) > 0) {
            return total;
        }
        writeSpend(day, total.add(amount));
        return null;
    }

    @Override
    public synchronized void subtract(LocalDate day, BigDecimal amount) {
        writeSpend(day, total(day).subtract(amount).max(BigDecimal.ZERO));
    }

    @Override
    public synchronized BigDecimal total(LocalDate day) {
        Path file = directory.resolve("spend-" + day);
        try {
            return Files.exists(file) ? new BigDecimal(Files.readString(file).trim()) : BigDecimal.ZERO;
        } catch (IOException | NumberFormatException e) {
            throw new JobStoreException("Cannot read the day's spend in " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeSpend(LocalDate day, BigDecimal total) {
        try {
            Path temporary = Files.createTempFile(directory, ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(total.toPlainString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, directory.resolve("spend-" + day), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new JobStoreException("Cannot write the day's spend in " + directory + ": " + e.getMessage(), e);
        }
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
        put(properties, "server", record.server());
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
                p.getProperty("errorCode"), p.getProperty("errorMessage"), p.getProperty("server"));
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
