package dev.handoff.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.handoff.bench.Cells.cell;
import static dev.handoff.bench.Cells.handoff;
import static org.assertj.core.api.Assertions.assertThat;

class TargetsTest {

    private static final List<DatabaseKind> HSQLDB = List.of(DatabaseKind.HSQLDB);

    @Test
    void checksEachTargetAgainstItsFigure() {
        // given a run that meets the peer and floor targets for create but not for the lifecycle
        Results results = new Results();
        results.add(handoff(ScenarioKind.CREATE, 4, 1, 300));
        results.add(handoff(ScenarioKind.LIFECYCLE, 4, 4, 40));
        results.add(cell(DatabaseKind.HSQLDB, ScenarioKind.LIST, SystemKind.HANDOFF, 4, 1, 800, 7.5));
        results.add(cell(DatabaseKind.HSQLDB, ScenarioKind.CREATE, SystemKind.FLOOR, 4, 1, 1_000, 2));
        results.add(cell(DatabaseKind.HSQLDB, ScenarioKind.CREATE, SystemKind.PEER, 4, 1, 200, 20));
        results.add(cell(DatabaseKind.HSQLDB, ScenarioKind.LIFECYCLE, SystemKind.PEER, 4, 5, 50, 80));
        // the peer's wave is a reference beside ours, never a figure of ours
        results.add(new WaveResult(DatabaseKind.HSQLDB, SystemKind.PEER, JobSettings.OURS,
                10_000, 10_000, 0, true, 20, 4));
        results.add(new WaveResult(DatabaseKind.HSQLDB, SystemKind.HANDOFF, JobSettings.OURS,
                10_000, 10_000, 0, true, 20, 10));
        results.add(new WaveResult(DatabaseKind.HSQLDB, SystemKind.HANDOFF, JobSettings.ENGINE_DEFAULTS,
                10_000, 10_000, 0, true, 20, 50));
        results.startedFresh(3.5);
        results.startedExisting(2.5);

        // when
        List<String> lines = Targets.check(results, HSQLDB, 1_000_000).stream().map(Target::markdown).toList();

        // then
        assertThat(lines).containsExactly(
                "- **met** — hsqldb: create ≥ 1.2× the Camunda peer's ops/s at c=4: 1.50×",
                "- **met** — hsqldb: create ≥ 25.0 % of the floor's requests/s at c=4: 30.0 %",
                "- **missed** — hsqldb: full lifecycle ≥ 1.2× the Camunda peer's ops/s at c=4: 0.80×",
                "- **missed** — hsqldb: full lifecycle ≥ 25.0 % of the floor's requests/s at c=4: 16.0 %",
                "- **met** — hsqldb: list p99 < 10.0 ms at c=4 over 1,000,000 handoffs: 7.50 ms",
                "- **met** — hsqldb: expiry wave ≥ 3.00× faster than with Camunda's job-executor defaults: 5.00×",
                "- **met** — hsqldb: expiry wave ≥ 500 expirations/s: 1,000/s",
                "- **missed** — start ≤ 3.0 s on a fresh data directory (median): 3.50 s",
                "- **met** — start ≤ 3.0 s on an existing data directory (median): 2.50 s",
                "- **not measured** — no OutOfMemoryError under -Xmx256m at c=16: —");
    }

    @Test
    void whatWasNotMeasuredIsSaid() {
        // when nothing was measured
        List<Target> targets = Targets.check(new Results(), HSQLDB, 10_000);

        // then
        assertThat(targets).isNotEmpty().allMatch(target -> target.verdict() == Target.Verdict.NOT_MEASURED);
    }

    @Test
    void aWaveThatNeverDrainedCountsAsNotMeasuredForTheRatio() {
        // given
        Results results = new Results();
        results.add(new WaveResult(DatabaseKind.HSQLDB, SystemKind.HANDOFF, JobSettings.OURS,
                300, 300, 0, true, 2, 1));
        results.add(new WaveResult(DatabaseKind.HSQLDB, SystemKind.HANDOFF, JobSettings.ENGINE_DEFAULTS,
                300, 300, 0, true, 2, Double.NaN));

        // when
        List<Target> targets = Targets.check(results, HSQLDB, 10_000);

        // then
        assertThat(targets).filteredOn(target -> target.aim().contains("faster than"))
                .singleElement().extracting(Target::verdict).isEqualTo(Target.Verdict.NOT_MEASURED);
        assertThat(results.anyError()).isTrue();
    }
}
