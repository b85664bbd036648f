package dev.handoff.bench;

import java.util.List;

/** Seconds from spawning {@code bin/handoff serve} to the first 200 on /health, on the embedded default. */
record StartResult(List<Double> freshSeconds, List<Double> existingSeconds) {

    StartResult {
        freshSeconds = List.copyOf(freshSeconds);
        existingSeconds = List.copyOf(existingSeconds);
    }

    double freshMedian() {
        return median(freshSeconds);
    }

    double existingMedian() {
        return median(existingSeconds);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
