package dev.handoff.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything a run measured, and what went wrong, in the order it happened. */
final class Results {

    private final List<CellResult> cells = new ArrayList<>();
    private final List<WaveResult> waves = new ArrayList<>();
    private final List<MemoryResult> memory = new ArrayList<>();
    private final Map<DatabaseKind, Duration> seeding = new EnumMap<>(DatabaseKind.class);
    private final List<String> failures = new ArrayList<>();
    private final List<Double> freshStarts = new ArrayList<>();
    private final List<Double> existingStarts = new ArrayList<>();

    synchronized void add(CellResult cell) {
        cells.add(cell);
    }

    synchronized void add(WaveResult wave) {
        waves.add(wave);
    }

    synchronized void add(MemoryResult result) {
        memory.add(result);
    }

    synchronized void seeded(DatabaseKind database, Duration took) {
        seeding.put(database, took);
    }

    /** Seconds to the first 200 of a server started on a new, empty data directory. */
    synchronized void startedFresh(double seconds) {
        freshStarts.add(seconds);
    }

    /** Seconds to the first 200 of a server started again on a data directory it used before. */
    synchronized void startedExisting(double seconds) {
        existingStarts.add(seconds);
    }

    /** A step that could not be measured at all. */
    synchronized void failed(String step, Throwable failure) {
        failures.add(step + ": " + failure);
    }

    synchronized List<CellResult> cells() {
        return List.copyOf(cells);
    }

    synchronized List<WaveResult> waves() {
        return List.copyOf(waves);
    }

    synchronized List<MemoryResult> memory() {
        return List.copyOf(memory);
    }

    synchronized Map<DatabaseKind, Duration> seeding() {
        return Map.copyOf(seeding);
    }

    synchronized Optional<StartResult> start() {
        return freshStarts.isEmpty() && existingStarts.isEmpty() ? Optional.empty()
                : Optional.of(new StartResult(freshStarts, existingStarts));
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    /** Whether the run must end non-zero: an error in a cell, a failed wave, memory run or step. */
    synchronized boolean anyError() {
        return !failures.isEmpty() || cells.stream().anyMatch(CellResult::failed)
                || waves.stream().anyMatch(WaveResult::failed) || memory.stream().anyMatch(MemoryResult::failed);
    }
}
