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
            Optional<WaveResult> ourWave = wave(results, database, SystemKind.HANDOFF, JobSettings.OURS);
            Optional<WaveResult> defaultWave = wave(results, database, SystemKind.HANDOFF, JobSettings.ENGINE_DEFAULTS);
            Optional<WaveResult> engineFloorWave = wave(results, database, SystemKind.ENGINE_FLOOR, JobSettings.OURS);
            Format speedupFormat = Figures::ratio;
            targets.add(boundedBy(atLeast(on + "expiry wave ≥ " + Figures.ratio(WAVE_SPEEDUP)
                            + " faster than with Camunda's job-executor defaults",
                            speedup(defaultWave, ourWave), WAVE_SPEEDUP, speedupFormat),
                    speedup(defaultWave, engineFloorWave), WAVE_SPEEDUP, speedupFormat));
            Format rateFormat = rate -> Figures.rate(rate) + "/s";
            targets.add(boundedBy(atLeast(on + "expiry wave ≥ " + Figures.rate(WAVE_RATE) + " expirations/s",
                            rate(ourWave), WAVE_RATE, rateFormat),
                    rate(engineFloorWave), WAVE_RATE, rateFormat));
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

    private static Optional<WaveResult> wave(Results results, DatabaseKind database, SystemKind system,
                                             JobSettings jobs) {
        return results.waves().stream()
                .filter(wave -> wave.database() == database && wave.system() == system
                        && wave.jobs() == jobs && wave.drained())
                .findFirst();
    }

    /** How many times faster than Camunda's defaults (Handoff's server with them) a wave drained. */
    private static OptionalDouble speedup(Optional<WaveResult> defaults, Optional<WaveResult> wave) {
        return defaults.isPresent() && wave.isPresent()
                ? OptionalDouble.of(defaults.get().secondsToExpired() / wave.get().secondsToExpired())
                : OptionalDouble.empty();
    }

    private static OptionalDouble rate(Optional<WaveResult> wave) {
        return wave.map(measured -> OptionalDouble.of(measured.expirationsPerSecond())).orElse(OptionalDouble.empty());
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
        return boundedBy(atLeast(aim, ours, FLOOR_SHARE, Figures::percent), engineFloor, FLOOR_SHARE,
                Figures::percent);
    }

    /**
     * A missed target with the engine floor's figure beside it: out of reach when the engine floor,
     * which does the engine's part of the work and nothing else, misses it too.
     */
    private static Target boundedBy(Target target, OptionalDouble engineFloor, double threshold, Format format) {
        if (target.verdict() != Target.Verdict.MISSED || engineFloor.isEmpty()
                || Double.isNaN(engineFloor.getAsDouble())) {
            return target;
        }
        double bound = engineFloor.getAsDouble();
        return new Target(target.aim(), target.figure() + " (the engine floor: " + format.of(bound) + ")",
                bound < threshold ? Target.Verdict.OUT_OF_REACH : Target.Verdict.MISSED);
    }

    private static Target atMost(String aim, OptionalDouble seconds, double threshold) {
        if (seconds.isEmpty() || Double.isNaN(seconds.getAsDouble())) {
            return Target.notMeasured(aim);
        }
        return new Target(aim, Figures.seconds(seconds.getAsDouble()) + " s",
                Target.Verdict.of(seconds.getAsDouble() <= threshold));
    }
}
