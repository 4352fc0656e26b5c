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
package io.github.camelsora.prompt;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShotPromptTest {

    @Test
    void rendersEveryFieldInTemplateOrder() {
        Shot shot = Shot.fromMap(Map.of("subject", "A fox.", "action", "trots through snow", "camera", "low tracking shot",
                "lighting", "blue hour", "palette", "cold blues, one orange accent", "style", "35mm film",
                "dialogue", "Where are you going?", "sound", "crunching snow",
                "constraints", List.of("no text on screen", "no people")));

        assertThat(ShotPrompt.render(shot)).isEqualTo("""
                A fox, trots through snow.
                Camera: low tracking shot.
                Lighting: blue hour.
                Palette: cold blues, one orange accent.
                Style: 35mm film.
                Dialogue: "Where are you going?"
                Sound: crunching snow.
                Constraints: no text on screen; no people.""");
        assertThat(ShotPrompt.render(shot)).isEqualTo(ShotPrompt.render(Shot.fromMap(shot.toMap())));
    }

    @Test
    void jsonTextIsAShotOnlyWhenEveryKeyIsAShotField() {
        assertThat(ShotPrompt.parseShot("{\"subject\":\"A cat\"}")).isNotNull();
        assertThat(ShotPrompt.parseShot("{\"subject\":\"A cat\",\"mood\":\"x\"}")).isNull();
        assertThat(ShotPrompt.parseShot("{not json")).isNull();
        assertThat(ShotPrompt.parseShot("A plain prompt")).isNull();
        assertThatThrownBy(() -> Shot.fromMap(Map.of("subjekt", "typo"))).hasMessageContaining("subjekt");
        assertThatThrownBy(() -> ShotPrompt.render(new Shot())).hasMessageContaining("empty");
    }

    @Test
    void storyboardLimitsAreEnforced() {
        Storyboard.Step step = new Storyboard.Step("a shot", "20");
        assertThat(new Storyboard(Collections.nCopies(6, step)).totalSeconds()).isEqualTo(120);
        assertThatThrownBy(() -> new Storyboard(Collections.nCopies(7, step))).hasMessageContaining("120");
        assertThatThrownBy(() -> new Storyboard(Collections.nCopies(8, new Storyboard.Step("a", "4"))))
                .hasMessageContaining("at most 6");
        assertThatThrownBy(() -> new Storyboard(List.of())).hasMessageContaining("at least one");
    }
}
