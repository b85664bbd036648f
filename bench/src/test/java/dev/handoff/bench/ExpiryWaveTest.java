package dev.handoff.bench;

import dev.handoff.bench.peer.PeerOptions;
import dev.handoff.bench.peer.PeerServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryWaveTest {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ExpiryWave.Target.class, names = {"PEER", "ENGINE_FLOOR"})
    void aReferencesWaveStartsItsProcessesAndWaitsUntilTheirTimersEndedThem(ExpiryWave.Target target)
            throws Exception {
        // given the references' engine with Handoff's job-executor pace, warmed up by a wave of its own
        try (PeerServer references = PeerServer.start(PeerOptions.parse("--port", "0",
                "--db", "embedded:" + directory.resolve("db"), "--engine", "tuned"))) {
            Http.Endpoint endpoint = new Http().endpoint(
                    URI.create("http://127.0.0.1:" + references.port() + "/"), null);
            ExpiryWave.warmUp(DatabaseKind.HSQLDB, target, JobSettings.OURS, endpoint, 20);

            // when
            WaveResult wave = ExpiryWave.run(DatabaseKind.HSQLDB, target, JobSettings.OURS, endpoint, 40);

            // then
            assertThat(wave.system()).isEqualTo(target.system());
            assertThat(wave.created()).isEqualTo(40);
            assertThat(wave.failed()).as("errors, late creates or a wave that never drained").isFalse();
            assertThat(target.waiting(endpoint, ExpiryWave.WARM_UP_RECIPIENT))
                    .as("the warm-up wave drained before the measured one").isZero();
            assertThat(target.waiting(endpoint, ExpiryWave.PILOT_RECIPIENT))
                    .as("the pilot's processes, due in a day, still wait: the count sees running ones").isPositive();
        }
    }

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
