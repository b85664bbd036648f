package dev.handoff.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    private static final Path HOME = Path.of("/repo");

    @Test
    void withoutArgumentsRunsTheFullBenchOnBothDatabases() {
        // when
        BenchOptions options = BenchOptions.parse(HOME);

        // then
        assertThat(options.volumes()).isEqualTo(Volumes.FULL);
        assertThat(options.quick()).isFalse();
        assertThat(options.databasesInOrder()).containsExactly(DatabaseKind.HSQLDB, DatabaseKind.POSTGRES);
        assertThat(options.out()).isEqualTo(Path.of("/repo/bench/target/bench-results.md"));
        assertThat(options.pgUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/");
        assertThat(options.pgUser()).isEqualTo("postgres");
    }

    @Test
    void quickOnOneDatabaseWithItsOwnOutputFile() {
        // when
        BenchOptions options = BenchOptions.parse(HOME, "--quick", "--db", "postgres", "--out", "/tmp/r.md",
                "--pg-url", "jdbc:postgresql://db:5433");

        // then
        assertThat(options.quick()).isTrue();
        assertThat(options.volumes().concurrencies()).containsExactly(4);
        assertThat(options.databasesInOrder()).containsExactly(DatabaseKind.POSTGRES);
        assertThat(options.out()).isEqualTo(Path.of("/tmp/r.md"));
        assertThat(options.pgUrl()).isEqualTo("jdbc:postgresql://db:5433/");
        assertThat(options.arguments()).containsExactly("--quick", "--db", "postgres", "--out", "/tmp/r.md",
                "--pg-url", "jdbc:postgresql://db:5433");
    }

    @Test
    void bothNamesEveryDatabase() {
        // when
        BenchOptions options = BenchOptions.parse(HOME, "--db", "both");

        // then
        assertThat(options.databasesInOrder()).containsExactly(DatabaseKind.HSQLDB, DatabaseKind.POSTGRES);
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        // when, then
        assertThatThrownBy(() -> BenchOptions.parse(HOME, "--fast"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --fast");
        assertThatThrownBy(() -> BenchOptions.parse(HOME, "--db", "oracle"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--db must be hsqldb, postgres");
        assertThatThrownBy(() -> BenchOptions.parse(HOME, "--db"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--db needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(HOME, "--out", "--quick"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--out needs a value");
    }

    @Test
    void helpIsNotARun() {
        // when, then
        assertThatThrownBy(() -> BenchOptions.parse(HOME, "--help"))
                .isInstanceOf(BenchOptions.HelpRequested.class).hasMessageContaining("Usage: bin/handoff bench");
    }

    @Test
    void theQuickRunIsSmallerThanTheFullOneInEveryDimension() {
        // given
        Volumes quick = Volumes.QUICK;
        Volumes full = Volumes.FULL;

        // then
        assertThat(quick.window()).isLessThan(full.window());
        assertThat(quick.listRows()).isLessThan(full.listRows());
        assertThat(quick.waveSize()).isLessThan(full.waveSize());
        assertThat(quick.memoryWindow()).isLessThan(full.memoryWindow());
        assertThat(full.concurrencies()).isEqualTo(List.of(1, 4, 16));
        assertThat(quick.concurrencies()).contains(Volumes.TARGET_CONCURRENCY);
    }
}
