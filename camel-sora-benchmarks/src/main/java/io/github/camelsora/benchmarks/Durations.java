package io.github.camelsora.benchmarks;

import java.time.Duration;
import java.util.Locale;

final class Durations {

    private Durations() {
    }

    /** {@code 250ms}, {@code 10s}, {@code 2m}. */
    static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
        }
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofMillis(Long.parseLong(value));
    }
}
