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

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    private final PollSchedule schedule
            = new PollSchedule(new PollPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60)), 0);

    @Test
    void backsOffGeometricallyWithoutProgress() {
        assertThat(schedule.first()).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.next(0, null, 10 * SECOND)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.next(0, null, 20 * SECOND)).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.next(null, null, 40 * SECOND)).isEqualTo(Duration.ofSeconds(40));
        assertThat(schedule.next(0, null, 80 * SECOND)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.next(0, null, 140 * SECOND)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aSixtySecondJobCostsThreeLooks() {
        // a 60 s job, progress counted from submission: 16 % at 10 s, so about 52.5 s left; look again at 70 % of it
        assertThat(schedule.next(16, null, 10 * SECOND)).isEqualTo(Duration.ofMillis(36_750));
        // 77 % at 46.75 s: 61 % in 36.75 s, 23 % left -> 13.86 s, plus 1 % and 100 ms
        Duration aim = schedule.next(77, null, 46_750_000_000L);
        assertThat(aim).isBetween(Duration.ofMillis(14_000), Duration.ofMillis(14_100));
        // 46.75 s + 14 s is just past the 60 s completion: the third look sees it done
    }

    @Test
    void stepsInAtLeastOneSecondApartWhenTheAimWasEarly() {
        schedule.next(16, null, 10 * SECOND);
        assertThat(schedule.next(99, null, 60 * SECOND)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void looksAgainBeforeAimingWhenTheRateIsTooCoarse() {
        schedule.next(50, null, 30 * SECOND);
        // 3 % in 3 s is not enough to aim at the end: 47 s left, look again at 70 % of it
        assertThat(schedule.next(53, null, 33 * SECOND)).isBetween(Duration.ofMillis(32_899), Duration.ofMillis(32_901));
    }

    @Test
    void serverHintIsALowerBoundWithinTheMaximum() {
        assertThat(schedule.next(0, Duration.ofSeconds(17), 10 * SECOND)).isEqualTo(Duration.ofSeconds(17));
        assertThat(schedule.next(0, Duration.ofMinutes(5), 20 * SECOND)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void equalDelaysMakeAFixedInterval() {
        PollSchedule fixed = new PollSchedule(new PollPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10)), 0);
        assertThat(fixed.first()).isEqualTo(Duration.ofSeconds(10));
        assertThat(fixed.next(0, null, 10 * SECOND)).isEqualTo(Duration.ofSeconds(10));
        assertThat(fixed.next(16, null, 20 * SECOND)).isEqualTo(Duration.ofSeconds(10));
        assertThat(fixed.next(99, null, 60 * SECOND)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shortFirstDelaysAreAlsoTheShortestStep() {
        PollSchedule quick = new PollSchedule(new PollPolicy(Duration.ofMillis(200), Duration.ofSeconds(2)), 0);
        quick.next(10, null, SECOND);
        assertThat(quick.next(99, null, 9 * SECOND)).isEqualTo(Duration.ofMillis(200));
    }
}
