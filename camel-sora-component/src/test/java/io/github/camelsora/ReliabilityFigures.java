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
package io.github.camelsora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one row per scenario to {@code target/reliability-figures.md}, the table docs/reliability.md is written
 * from: jobs (messages), creates (as counted by the simulator), delivered (valid MP4s, or typed errors carrying the
 * video id for jobs that cannot succeed), duplicates (creates beyond one per message) and lost (paid videos neither
 * delivered nor reported by id).
 */
final class ReliabilityFigures {

    private static final Path FILE = Path.of("target", "reliability-figures.md");

    private ReliabilityFigures() {
    }

    static void record(String scenario, int jobs, int creates, int delivered, int duplicates, int lost) {
        String row = "| " + scenario + " | " + jobs + " | " + creates + " | " + delivered + " | " + duplicates + " | "
                     + lost + " |\n";
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, row, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.print("RELIABILITY " + row);
    }
}
