package dev.handoff.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Handoffs created through every node whose expiries fall in the same few seconds, planned for
 * just after the last of them is created, so that their timers come due together.
 *
 * <p>When the last create will be answered is not known beforehand on a shared machine. A warm-up
 * measures the cluster's create rate (with handoffs that expire tomorrow and take no part in the
 * wave), and the wave is planned from it, optimistically: the nodes keep getting faster while
 * their code is compiled. Should the creates run slower than planned, a handoff whose planned
 * expiry has come too close expires a moment after its create instead, and the wave grows wider
 * than planned: the report gives the actual width.
 *
 * @param due        handoff id → its {@code expiresAt}
 * @param created    when the last create was answered
 * @param creating   how long the wave's creates took
 * @param warmUpRate creates per second in the warm-up, from which the wave was planned
 */
record ExpiryWave(Map<String, Instant> due, Instant created, Duration creating, double warmUpRate) {

    /** How far apart the first and the last expiry are planned to lie. */
    static final Duration WIDTH = Duration.ofSeconds(3);
    /** Measured: after the warm-up, 300 creates ran as fast as in it, 10,000 creates 1.6 to 1.8 times as fast. */
    private static final double SPEED_UP = 1.6;
    /** The least time between a create and its expiry: the request must arrive before it. */
    private static final Duration LEAD = Duration.ofSeconds(2);

    static ExpiryWave create(List<Node> nodes, int count) {
        double perSecond = warmUp(nodes, count);
        Instant start = Instant.now();
        Instant firstDue = start.plusMillis(Math.round(count * 1_000 / (perSecond * SPEED_UP))).plus(LEAD);
        Map<String, Instant> due = new ConcurrentHashMap<>();
        Spread.run(nodes, count, (node, i) -> {
            Instant planned = firstDue.plusMillis(WIDTH.toMillis() * i / count);
            Instant earliest = Instant.now().plus(LEAD);
            Instant expiresAt = (planned.isAfter(earliest) ? planned : earliest).truncatedTo(ChronoUnit.MILLIS);
            // both timers of the process: on the approval task and on the pending receive task
            String id = node.api().create("{\"requiresApproval\": " + (i % 2 == 0) + ", \"expiresAt\": \""
                    + expiresAt + "\"}");
            due.put(id, expiresAt);
        });
        Instant created = Instant.now();
        return new ExpiryWave(Map.copyOf(due), created, Duration.between(start, created), perSecond);
    }

    Instant firstDue() {
        return due.values().stream().min(Instant::compareTo).orElseThrow();
    }

    Instant lastDue() {
        return due.values().stream().max(Instant::compareTo).orElseThrow();
    }

    /** Handoffs per second while the wave was created, over all nodes. */
    double createRate() {
        return due.size() * 1_000.0 / Math.max(1, creating.toMillis());
    }

    /**
     * Creates handoffs that expire tomorrow for a while, longer before a larger wave; returns the
     * creates per second of its second half, when the nodes are warm.
     */
    private static double warmUp(List<Node> nodes, int count) {
        Duration half = count >= 1_000 ? Duration.ofSeconds(6) : Duration.ofSeconds(2);
        Spread.until(nodes, Instant.now().plus(half), (node, i) -> node.api().create("{}"));
        Instant start = Instant.now();
        AtomicInteger created = new AtomicInteger();
        Spread.until(nodes, start.plus(half), (node, i) -> {
            node.api().create("{}");
            created.incrementAndGet();
        });
        return created.get() * 1_000.0 / Math.max(1, Duration.between(start, Instant.now()).toMillis());
    }
}
