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
package io.github.camelsora.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelsora.media.InvalidMediaException;
import io.github.camelsora.media.Mp4Inspector;

/** Starting worker JVMs and looking at what they left. */
final class CrashSupport {

    private CrashSupport() {
    }

    static Process startWorker(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashWorker.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    static List<Path> mp4s(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".mp4")
                                     && !f.getFileName().toString().startsWith(".")).toList();
        }
    }

    static long validMp4s(Path directory) throws IOException {
        long valid = 0;
        for (Path file : mp4s(directory)) {
            try {
                Mp4Inspector.inspect(file);
                valid++;
            } catch (InvalidMediaException e) {
                throw new AssertionError(file + " is not a valid MP4: " + e.getMessage());
            }
        }
        return valid;
    }

    static List<Path> leftovers(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".mp4")
                                     || f.getFileName().toString().startsWith(".")).toList();
        }
    }
}
