package dev.handoff.cluster;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which node fired which timer, as far as it can be seen: the history level a cluster runs with
 * keeps no job log, so this samples the job table's lock owners while a wave runs. A timer is
 * locked from its acquisition until it has fired; one that fires between two samples is missed.
 */
final class TimerLocks implements AutoCloseable {

    private static final long SAMPLE_EVERY_MILLIS = 100;

    private final SharedDatabase database;
    private final Map<String, String> lastOwner = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean sampling = true;

    private TimerLocks(SharedDatabase database) {
        this.database = database;
        this.sampler = new Thread(this::sample, "timer-lock-sampler");
        this.sampler.setDaemon(true);
    }

    static TimerLocks sample(SharedDatabase database) {
        TimerLocks locks = new TimerLocks(database);
        locks.sampler.start();
        return locks;
    }

    /** Node name → how many distinct timers were seen locked by it (by the last owner seen, after a takeover). */
    Map<String, Long> byNode() {
        return lastOwner.values().stream().collect(Collectors.groupingBy(owner -> owner, TreeMap::new,
                Collectors.counting()));
    }

    long seen() {
        return lastOwner.size();
    }

    @Override
    public void close() {
        sampling = false;
        try {
            sampler.join(5_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() {
        while (sampling) {
            lastOwner.putAll(database.timerOwners());
            try {
                Thread.sleep(SAMPLE_EVERY_MILLIS);
            } catch (InterruptedException interrupted) {
                return;
            }
        }
    }
}
