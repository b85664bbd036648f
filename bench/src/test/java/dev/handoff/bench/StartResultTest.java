package dev.handoff.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StartResultTest {

    @Test
    void theMedianOfAnOddAndOfAnEvenNumberOfStarts() {
        // given
        StartResult start = new StartResult(List.of(4.0, 2.0, 9.0), List.of(3.0, 1.0));

        // then
        assertThat(start.freshMedian()).isEqualTo(4.0);
        assertThat(start.existingMedian()).isEqualTo(2.0);
    }

    @Test
    void noStartsNoMedian() {
        // then
        assertThat(StartResult.median(List.of())).isNaN();
    }
}
