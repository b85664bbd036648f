package dev.handoff.bench;

import java.time.Duration;
import java.util.List;

/**
 * How much a run measures. The full run is for people; the quick one keeps the harness alive in CI
 * and still touches every scenario, every system and every database, with fewer cells.
 *
 * @param concurrencies       the virtual users of each throughput cell
 * @param listRows            handoffs in the database while the list is measured
 * @param waveSize            handoffs due in the same second in the expiry wave
 * @param waveWarmUpSize      handoffs of an unmeasured wave on the same server just before, so that the
 *                            expiry path is compiled when the measured wave falls due, as the cells' code is
 * @param freshServerPerWave  whether our wave gets a server of its own and the Camunda peer has a wave too;
 *                            otherwise ours follows the cells on their server, the peer has none (and a quick
 *                            run has the waves on its last database only)
 * @param startRepeats        starts measured on a fresh and on an existing data directory, each
 * @param systemWarmUp        how long each of a system's scenarios runs, unmeasured, before its first cell:
 *                            Camunda, Hibernate and Jersey keep the JIT compiling for minutes, and each
 *                            system is measured once its code is compiled, not while
 */
record Volumes(String name, Duration warmUp, Duration window, List<Integer> concurrencies, int listRows,
               int waveSize, int waveWarmUpSize, boolean freshServerPerWave, Duration memoryWindow, int startRepeats,
               Duration systemWarmUp) {

    /** The concurrency that the targets are stated at. */
    static final int TARGET_CONCURRENCY = 4;
    /** The concurrency of the memory run and of the expiry wave's creates. */
    static final int HIGH_CONCURRENCY = 16;

    static final Volumes FULL = new Volumes("full", Duration.ofSeconds(5), Duration.ofSeconds(15), List.of(1, 4, 16),
            1_000_000, 10_000, 2_000, true, Duration.ofSeconds(60), 3, Duration.ofSeconds(20));

    static final Volumes QUICK = new Volumes("quick", Duration.ofMillis(200), Duration.ofMillis(600),
            List.of(TARGET_CONCURRENCY), 10_000, 200, 0, false, Duration.ofSeconds(3), 1, Duration.ZERO);

    Volumes {
        concurrencies = List.copyOf(concurrencies);
    }

    boolean quick() {
        return equals(QUICK);
    }
}
