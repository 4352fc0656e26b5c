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
package io.github.camelsora.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The simulator's standalone jar in a JVM of its own, so that its work is not counted against a contender. */
final class Simulator implements AutoCloseable {

    private final Process process;
    private final String baseUrl;
    private final String apiKey;

    Simulator(Path jar, String apiKey, Path cacheDir, String... options) throws IOException {
        this.apiKey = apiKey;
        List<String> command = new ArrayList<>(List.of(BenchmarkMain.java(), "-Xmx1g", "-jar", jar.toString(),
                "--port", "0", "--api-key", apiKey, "--no-draw-prompt", "--http-threads", "16",
                "--cache-dir", cacheDir.toString()));
        command.addAll(List.of(options));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("http")) {
            process.destroyForcibly();
            throw new IOException("the simulator did not start: " + line);
        }
        baseUrl = line.trim();
    }

    String baseUrl() {
        return baseUrl;
    }

    String apiKey() {
        return apiKey;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
