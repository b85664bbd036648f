package dev.handoff.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The targets, checked against a run's figures; shown, never asserted. */
final class Targets {

    static final double PEER_RATIO = 1.2;
    static final double FLOOR_SHARE = 0.25;
    static final double LIST_P99_MILLIS = 10;
    static final double WAVE_SPEEDUP = 3;
    static final double WAVE_RATE = 500;
    static final double START_SECONDS = 3;

    private Targets() {
    }

    static List<Target> check(Results results, List<DatabaseKind> databases, int listRows) {
        Ratios ratios = new Ratios(results.cells());
        int c = Volumes.TARGET_CONCURRENCY;
        List<Target> targets = new ArrayList<>();
        for (DatabaseKind database : databases) {
            String on = database.option() + ": ";
            for (ScenarioKind scenario : List.of(ScenarioKind.CREATE, ScenarioKind.LIFECYCLE)) {
                Optional<CellResult> ours = ratios.find(database, scenario, SystemKind.HANDOFF, c);
                targets.add(atLeast(on + scenario.label() + " ≥ " + PEER_RATIO + "× the Camunda peer's ops/s at c=" + c,
                        ours.map(ratios::vsPeer).orElse(OptionalDouble.empty()), PEER_RATIO, Figures::ratio));
                targets.add(floorShare(on + scenario.label() + " ≥ " + Figures.percent(FLOOR_SHARE)
                                + " of the floor's requests/s at c=" + c,
                        ours.map(ratios::vsFloor).orElse(OptionalDouble.empty()),
                        ratios.find(database, scenario, SystemKind.ENGINE_FLOOR, c).map(ratios::vsFloor)
                                .orElse(OptionalDouble.empty())));
            }
            String listAim = on + "list p99 < " + Figures.millis(LIST_P99_MILLIS) + " ms at c=" + c + " over "
                    + Figures.count(listRows) + " handoffs";
            targets.add(ratios.find(database, ScenarioKind.LIST, SystemKind.HANDOFF, c)
                    .filter(cell -> cell.latency().count() > 0)
                    .map(cell -> new Target(listAim, Figures.millis(cell.latency().p99Millis()) + " ms",
                            Target.Verdict.of(cell.latency().p99Millis() < LIST_P99_MILLIS)))
                    .orElse(Target.notMeasured(listAim)));
            Optional<WaveResult> ourWave = wave(results, database, JobSettings.OURS);
            Optional<WaveResult> defaultWave = wave(results, database, JobSettings.ENGINE_DEFAULTS);
            OptionalDouble speedup = ourWave.isPresent() && defaultWave.isPresent()
                    ? OptionalDouble.of(defaultWave.get().secondsToExpired() / ourWave.get().secondsToExpired())
                    : OptionalDouble.empty();
            targets.add(atLeast(on + "expiry wave ≥ " + Figures.ratio(WAVE_SPEEDUP)
                    + " faster than with Camunda's job-executor defaults", speedup, WAVE_SPEEDUP, Figures::ratio));
            targets.add(atLeast(on + "expiry wave ≥ " + Figures.rate(WAVE_RATE) + " expirations/s",
                    ourWave.map(wave -> OptionalDouble.of(wave.expirationsPerSecond())).orElse(OptionalDouble.empty()),
                    WAVE_RATE, rate -> Figures.rate(rate) + "/s"));
        }
        Optional<StartResult> start = results.start();
        targets.add(atMost("start ≤ " + START_SECONDS + " s on a fresh data directory (median)",
                start.map(result -> OptionalDouble.of(result.freshMedian())).orElse(OptionalDouble.empty()),
                START_SECONDS));
        targets.add(atMost("start ≤ " + START_SECONDS + " s on an existing data directory (median)",
                start.map(result -> OptionalDouble.of(result.existingMedian())).orElse(OptionalDouble.empty()),
                START_SECONDS));
        String memoryAim = "no OutOfMemoryError under -Xmx" + MemoryRun.HEAP + " at c=" + Volumes.HIGH_CONCURRENCY;
        targets.add(results.memory().stream().findFirst()
                .map(memory -> new Target(memoryAim, memory.alive() && !memory.outOfMemory() ? "alive, no OOM"
                        : (memory.outOfMemory() ? "OutOfMemoryError" : "not answering"),
                        Target.Verdict.of(memory.alive() && !memory.outOfMemory())))
                .orElse(Target.notMeasured(memoryAim)));
        return targets;
    }

    private static Optional<WaveResult> wave(Results results, DatabaseKind database, JobSettings jobs) {
        return results.waves().stream()
                .filter(wave -> wave.database() == database && wave.system() == SystemKind.HANDOFF
                        && wave.jobs() == jobs && wave.drained())
                .findFirst();
    }

    private interface Format {
        String of(double value);
    }

    private static Target atLeast(String aim, OptionalDouble value, double threshold, Format format) {
        if (value.isEmpty() || Double.isNaN(value.getAsDouble())) {
            return Target.notMeasured(aim);
        }
        return new Target(aim, format.of(value.getAsDouble()), Target.Verdict.of(value.getAsDouble() >= threshold));
    }

    /**
     * The floor share, with the engine floor's beside a missed one: when the engine's work alone stays
     * below the target, no server that does that work in its requests can reach it.
     */
    private static Target floorShare(String aim, OptionalDouble ours, OptionalDouble engineFloor) {
        Target target = atLeast(aim, ours, FLOOR_SHARE, Figures::percent);
        if (target.verdict() != Target.Verdict.MISSED || engineFloor.isEmpty()) {
            return target;
        }
        double bound = engineFloor.getAsDouble();
        return new Target(aim, target.figure() + " (the engine floor: " + Figures.percent(bound) + ")",
                bound < FLOOR_SHARE ? Target.Verdict.OUT_OF_REACH : Target.Verdict.MISSED);
    }

    private static Target atMost(String aim, OptionalDouble seconds, double threshold) {
        if (seconds.isEmpty() || Double.isNaN(seconds.getAsDouble())) {
            return Target.notMeasured(aim);
        }
        return new Target(aim, Figures.seconds(seconds.getAsDouble()) + " s",
                Target.Verdict.of(seconds.getAsDouble() <= threshold));
    }
}
