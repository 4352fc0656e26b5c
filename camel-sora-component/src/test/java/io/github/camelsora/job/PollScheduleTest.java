package io.github.camelsora.job;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    private final PollSchedule schedule
            = new PollSchedule(new PollPolicy(Duration.ofSeconds(2), Duration.ofSeconds(30)));

    @Test
    void backsOffGeometricallyWithoutProgress() {
        assertThat(schedule.first()).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.next(0, null, 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.next(0, null, 0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(schedule.next(null, null, 0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(schedule.next(0, null, 0)).isEqualTo(Duration.ofSeconds(16));
        assertThat(schedule.next(0, null, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.next(0, null, 0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aimsAtTheEstimatedCompletionFromProgressRate() {
        assertThat(schedule.next(10, null, 0)).isEqualTo(Duration.ofSeconds(2));
        // 20 % more in 4 s: 0.2 s per percent, 70 % left -> 14 s
        assertThat(schedule.next(30, null, 4 * SECOND)).isEqualTo(Duration.ofSeconds(14));
        // 80 % in 8 s since first seen: 0.1 s per percent, 10 % left -> 1 s, raised to the 2 s minimum
        assertThat(schedule.next(90, null, 8 * SECOND)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void serverHintIsALowerBoundWithinTheMaximum() {
        assertThat(schedule.next(0, Duration.ofSeconds(7), 0)).isEqualTo(Duration.ofSeconds(7));
        assertThat(schedule.next(0, Duration.ofMinutes(5), 0)).isEqualTo(Duration.ofSeconds(30));
    }
}
