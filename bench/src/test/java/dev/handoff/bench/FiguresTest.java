package dev.handoff.bench;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

    @Test
    void numbersReadWithTheirUsefulDigits() {
        // then
        assertThat(Figures.rate(1234.56)).isEqualTo("1,235");
        assertThat(Figures.rate(12.345)).isEqualTo("12.3");
        assertThat(Figures.millis(0.4567)).isEqualTo("0.46");
        assertThat(Figures.millis(45.67)).isEqualTo("45.7");
        assertThat(Figures.millis(4567.8)).isEqualTo("4,568");
        assertThat(Figures.ratio(OptionalDouble.of(1.234))).isEqualTo("1.23×");
        assertThat(Figures.percent(0.256)).isEqualTo("25.6 %");
        assertThat(Figures.count(1_000_000)).isEqualTo("1,000,000");
    }

    @Test
    void whatWasNotMeasuredIsADash() {
        // then
        assertThat(Figures.rate(Double.NaN)).isEqualTo(Figures.NONE);
        assertThat(Figures.millis(Double.NaN)).isEqualTo(Figures.NONE);
        assertThat(Figures.ratio(OptionalDouble.empty())).isEqualTo(Figures.NONE);
        assertThat(Figures.ratio(Double.POSITIVE_INFINITY)).isEqualTo(Figures.NONE);
    }
}
