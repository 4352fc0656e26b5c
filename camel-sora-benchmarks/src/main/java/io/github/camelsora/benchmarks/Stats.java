package io.github.camelsora.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

final class Stats {

    private Stats() {
    }

    static double median(Collection<? extends Number> values) {
        return percentile(values, 50);
    }

    static double percentile(Collection<? extends Number> values, double percent) {
        List<Double> sorted = new ArrayList<>();
        values.forEach(v -> sorted.add(v.doubleValue()));
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        sorted.sort(Double::compare);
        if (percent == 50 && sorted.size() % 2 == 0) {
            return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        }
        int index = (int) Math.ceil(percent / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
