package dev.handoff.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyTest {

    @Test
    void readsTheQuantilesInMilliseconds() {
        // given 1 ms, 2 ms, ... 1000 ms, in nanoseconds
        Histogram nanos = new Histogram(3);
        for (int millis = 1; millis <= 1_000; millis++) {
            nanos.recordValue(millis * 1_000_000L);
        }

        // when
        Latency latency = Latency.of(nanos);

        // then within the histogram's three significant digits
        assertThat(latency.count()).isEqualTo(1_000);
        assertThat(latency.p50Millis()).isCloseTo(500, within(1.0));
        assertThat(latency.p99Millis()).isCloseTo(990, within(1.0));
        assertThat(latency.p999Millis()).isCloseTo(999, within(1.0));
    }

    @Test
    void anEmptyHistogramHasNoQuantiles() {
        // when
        Latency latency = Latency.of(new Histogram(3));

        // then
        assertThat(latency.count()).isZero();
        assertThat(latency.p99Millis()).isNaN();
    }
}
