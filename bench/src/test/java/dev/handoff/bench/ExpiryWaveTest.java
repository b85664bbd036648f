package dev.handoff.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryWaveTest {

    @Test
    void theDueSecondIsAWholeSecondAfterTheCreatesWithRoomToSpare() {
        // given 10,000 creates at 500/s take 20 s
        Instant now = Instant.parse("2026-11-22T12:00:00.300Z");

        // when
        Instant due = ExpiryWave.dueSecond(now, 10_000, 500);

        // then
        assertThat(due.getNano()).isZero();
        assertThat(due).isAfter(now.plusSeconds(20));
        assertThat(due).isBefore(now.plusSeconds(60));
    }

    @Test
    void withoutAMeasuredRateItStillChoosesAFutureSecond() {
        // given
        Instant now = Instant.parse("2026-11-22T12:00:00Z");

        // when
        Instant due = ExpiryWave.dueSecond(now, 300, 0);

        // then
        assertThat(due).isAfter(now.plusSeconds(30));
    }

    @Test
    void aLargerWaveMayTakeLongerToDrain() {
        // then
        assertThat(ExpiryWave.drainLimit(10_000)).isGreaterThan(ExpiryWave.drainLimit(300));
        assertThat(ExpiryWave.drainLimit(300)).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    }
}
