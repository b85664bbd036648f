package dev.handoff.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "engine floor at {0} requests/s of the floor's 1,000")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // engine floor | create's verdict                                                                                  | lifecycle's
            "200            | out of reach — hsqldb: create ≥ 25.0 % of the floor's requests/s at c=4: 15.0 % (the engine floor: 20.0 %) | out of reach — hsqldb: full lifecycle ≥ 25.0 % of the floor's requests/s at c=4: 16.0 % (the engine floor: 20.0 %)",
            "400            | missed — hsqldb: create ≥ 25.0 % of the floor's requests/s at c=4: 15.0 % (the engine floor: 40.0 %)       | missed — hsqldb: full lifecycle ≥ 25.0 % of the floor's requests/s at c=4: 16.0 % (the engine floor: 40.0 %)"})
    void aMissedFloorShareIsOutOfReachWhenTheEngineFloorMissesItToo(long engineFloorRequests, String create,
                                                                   String lifecycle) {
        // given Handoff at 15 % and 16 % of the floor, and the engine floor beside it
        Results results = new Results();
        results.add(handoff(ScenarioKind.CREATE, 4, 1, 150));
        results.add(handoff(ScenarioKind.LIFECYCLE, 4, 4, 40));
        results.add(cell(DatabaseKind.HSQLDB, ScenarioKind.CREATE, SystemKind.FLOOR, 4, 1, 1_000, 2));
        results.add(cell(DatabaseKind.HSQLDB, ScenarioKind.CREATE, SystemKind.ENGINE_FLOOR, 4, 1,
                engineFloorRequests, 5));
        results.add(cell(DatabaseKind.HSQLDB, ScenarioKind.LIFECYCLE, SystemKind.ENGINE_FLOOR, 4, 4,
                engineFloorRequests / 4, 20));

        // when
        List<String> lines = Targets.check(results, HSQLDB, 1_000_000).stream().map(Target::markdown).toList();

        // then
        assertThat(lines).contains(bold(create), bold(lifecycle));
    }

    @Test
    void aMetFloorShareNeedsNoEngineFloor() {
        // given Handoff above 25 % and an engine floor below it
        Results results = new Results();
        results.add(handoff(ScenarioKind.CREATE, 4, 1, 300));
        results.add(cell(DatabaseKind.HSQLDB, ScenarioKind.CREATE, SystemKind.FLOOR, 4, 1, 1_000, 2));
        results.add(cell(DatabaseKind.HSQLDB, ScenarioKind.CREATE, SystemKind.ENGINE_FLOOR, 4, 1, 200, 5));

        // when
        List<String> lines = Targets.check(results, HSQLDB, 1_000_000).stream().map(Target::markdown).toList();

        // then
        assertThat(lines).contains("- **met** — hsqldb: create ≥ 25.0 % of the floor's requests/s at c=4: 30.0 %");
    }

    @ParameterizedTest(name = "engine floor's wave drained in {0} s")
    @CsvSource(delimiter = '|', value = {
            // engine floor s | speedup's verdict                                                                                                    | rate's
            "25               | out of reach — hsqldb: expiry wave ≥ 3.00× faster than with Camunda's job-executor defaults: 1.50× (the engine floor: 2.40×) | out of reach — hsqldb: expiry wave ≥ 500 expirations/s: 250/s (the engine floor: 400/s)",
            "10               | missed — hsqldb: expiry wave ≥ 3.00× faster than with Camunda's job-executor defaults: 1.50× (the engine floor: 6.00×)       | missed — hsqldb: expiry wave ≥ 500 expirations/s: 250/s (the engine floor: 1,000/s)"})
    void aMissedWaveTargetIsOutOfReachWhenTheEngineFloorsWaveMissesItToo(double engineFloorSeconds,
                                                                       String speedup, String rate) {
        // given Handoff's wave of 10,000 in 40 s, 60 s with Camunda's defaults, and the engine floor's beside it
        Results results = new Results();
        results.add(new WaveResult(DatabaseKind.HSQLDB, SystemKind.HANDOFF, JobSettings.OURS,
                10_000, 10_000, 0, true, 20, 40));
        results.add(new WaveResult(DatabaseKind.HSQLDB, SystemKind.HANDOFF, JobSettings.ENGINE_DEFAULTS,
                10_000, 10_000, 0, true, 20, 60));
        results.add(new WaveResult(DatabaseKind.HSQLDB, SystemKind.ENGINE_FLOOR, JobSettings.OURS,
                10_000, 10_000, 0, true, 20, engineFloorSeconds));

        // when
        List<String> lines = Targets.check(results, HSQLDB, 1_000_000).stream().map(Target::markdown).toList();

        // then
        assertThat(lines).contains(bold(speedup), bold(rate));
    }

    /** "verdict — rest" as a Markdown target line. */
    private static String bold(String line) {
        int dash = line.indexOf(" — ");
        return "- **" + line.substring(0, dash) + "**" + line.substring(dash);
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
