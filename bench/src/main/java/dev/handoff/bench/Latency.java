package dev.handoff.bench;

import org.HdrHistogram.Histogram;

/** The quantiles the results show, in milliseconds, from a histogram of nanoseconds. */
record Latency(long count, double p50Millis, double p99Millis, double p999Millis) {

    static final Latency NONE = new Latency(0, Double.NaN, Double.NaN, Double.NaN);

    static Latency of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(nanos.getTotalCount(), millis(nanos, 50), millis(nanos, 99), millis(nanos, 99.9));
    }

    private static double millis(Histogram nanos, double percentile) {
        return nanos.getValueAtPercentile(percentile) / 1_000_000.0;
    }
}
