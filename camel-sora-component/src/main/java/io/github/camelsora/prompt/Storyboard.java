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

import java.util.List;

/**
 * A checked sequence of shots for one stitched video: the first shot is created, each further shot extends the
 * result. The limits of extensions apply: at most {@value #MAX_EXTENSIONS} extensions (so 7 shots) and
 * {@value #MAX_TOTAL_SECONDS} seconds in total, checked before anything is sent.
 */
public record Storyboard(List<Step> steps) {

    public static final int MAX_EXTENSIONS = 6;
    public static final int MAX_TOTAL_SECONDS = 120;

    /** One shot: its rendered prompt and its own length. */
    public record Step(String prompt, String seconds) {
    }

    public Storyboard {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a storyboard needs at least one shot");
        }
        if (steps.size() - 1 > MAX_EXTENSIONS) {
            throw new IllegalArgumentException(steps.size() + " shots need " + (steps.size() - 1)
                                               + " extensions; at most " + MAX_EXTENSIONS + " are allowed ("
                                               + (MAX_EXTENSIONS + 1) + " shots)");
        }
        int total = 0;
        for (Step step : steps) {
            if (step.prompt() == null || step.prompt().isBlank()) {
                throw new IllegalArgumentException("every shot needs a prompt");
            }
            if (step.seconds() == null || !step.seconds().matches("[1-9][0-9]{0,2}")) {
                throw new IllegalArgumentException("'" + step.seconds() + "' is not a whole number of seconds");
            }
            total += Integer.parseInt(step.seconds());
        }
        if (total > MAX_TOTAL_SECONDS) {
            throw new IllegalArgumentException("the shots add up to " + total + " seconds; at most " + MAX_TOTAL_SECONDS
                                               + " are allowed");
        }
    }

    public int totalSeconds() {
        return steps.stream().mapToInt(step -> Integer.parseInt(step.seconds())).sum();
    }
}
