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
package io.github.camelsora.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.camelsora.media.Mp4Info;
import io.github.camelsora.media.Mp4Inspector;
import io.github.camelsora.simulator.Dialect;
import io.github.camelsora.simulator.SoraSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GenerateVideosExampleIT {

    @TempDir
    Path output;

    @Test
    void turnsEachSamplePromptIntoAPlayableVideo() throws Exception {
        Path samples = Path.of("prompts");
        long promptCount;
        try (var files = Files.list(samples)) {
            promptCount = files.filter(f -> f.toString().endsWith(".txt")).count();
        }
        assertThat(promptCount).isEqualTo(3);

        List<GenerateVideosExample.Outcome> outcomes;
        // the example's default provider, against the simulator's CometAPI dialect (multipart, task_ ids, the
        // result in video_url)
        try (SoraSimulator simulator = SoraSimulator.builder().dialect(Dialect.COMETAPI)
                .renderTime(Duration.ofSeconds(2)).start()) {
            outcomes = new GenerateVideosExample(samples, output).run("cometapi",
                    GenerateVideosExample.defaultModel("cometapi"), simulator.baseUrl(), simulator.apiKey(),
                    Duration.ofMinutes(2), true);
            assertThat(simulator.totalCreates()).isEqualTo(3);
        }

        assertThat(outcomes).hasSize(3).allSatisfy(outcome -> {
            assertThat(outcome.error()).isNull();
            assertThat(outcome.videoId()).startsWith("task_");
            assertThat(outcome.video()).isEqualTo(output.resolve(outcome.videoId() + ".mp4"));
            Mp4Info info = Mp4Inspector.inspect(outcome.video());
            assertThat(info.videoCodec()).isEqualTo("avc1");
            assertThat(info.width()).isEqualTo(1280);
            assertThat(info.height()).isEqualTo(720);
            assertThat(info.durationSeconds()).isCloseTo(4.0, within(0.5));
        });
        try (var files = Files.list(output)) {
            assertThat(files.filter(f -> f.toString().endsWith(".mp4")).count()).isEqualTo(3);
        }
    }
}
