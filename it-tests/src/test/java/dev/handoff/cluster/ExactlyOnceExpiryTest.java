package dev.handoff.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A wave of expiries on three nodes: each timer fires on one node, once. */
class ExactlyOnceExpiryTest {

    @TempDir
    Path workspace;

    @Test
    void every_handoff_of_a_wave_expires_exactly_once_whichever_node_fires_its_timer() {
        try (Cluster cluster = Cluster.start(workspace, Map.of())) {
            // given
            SharedDatabase database = cluster.database();
            ExpiryWave wave = ExpiryWave.create(cluster.nodes(), Volumes.EXPIRING);

            // when
            Map<String, Long> byNode;
            long sampled;
            try (TimerLocks locks = TimerLocks.sample(database)) {
                Waiting.until(() -> database.pendingExpiringBefore(wave.lastDue().plusSeconds(1)) == 0,
                        patience(wave), "every handoff of the wave expired");
                byNode = locks.byNode();
                sampled = locks.seen();
            }

            // then
            Map<String, String> statuses = database.statuses();
            Map<String, List<String>> events = database.events();
            List<String> notExpiredOnce = new ArrayList<>();
            wave.due().keySet().forEach(id -> {
                List<String> expiries = events.getOrDefault(id, List.of()).stream()
                        .filter("handoff.expired"::equals).toList();
                if (!"expired".equals(statuses.get(id)) || expiries.size() != 1) {
                    notExpiredOnce.add(id + " " + statuses.get(id) + " " + events.get(id));
                }
            });
            assertThat(notExpiredOnce).as("handoffs not expired exactly once").isEmpty();
            assertThat(database.incidents()).as("open incidents").isEmpty();
            assertThat(database.withJobs()).as("handoffs with a timer left").doesNotContainAnyElementsOf(wave.due().keySet());
            assertThat(database.endedProcesses()).as("handoffs whose process ended").containsAll(wave.due().keySet());
            assertThat(byNode.keySet()).as("nodes seen firing timers: all share the wave")
                    .containsExactlyInAnyOrderElementsOf(cluster.nodes().stream().map(Node::name).toList());

            Map<String, Instant> expiredAt = database.eventTimes("handoff.expired");
            Instant lastExpiry = wave.due().keySet().stream().map(expiredAt::get).max(Instant::compareTo).orElseThrow();
            Report.print("exactly-once expiry",
                    "%d handoffs created through %d nodes in %.1f s (%.0f/s; the warm-up measured %.0f/s)".formatted(
                            wave.due().size(), cluster.nodes().size(), wave.creating().toMillis() / 1_000.0,
                            wave.createRate(), wave.warmUpRate()),
                    "due within %d ms, the first %.1f s after the last create (less than 0: while creates still ran)".formatted(
                            Duration.between(wave.firstDue(), wave.lastDue()).toMillis(),
                            seconds(wave.created(), wave.firstDue())),
                    "all expired %.1f s after the first due time, %.1f s after the last (%.0f expiries/s); %s"
                            .formatted(seconds(wave.firstDue(), lastExpiry), seconds(wave.lastDue(), lastExpiry),
                                    wave.due().size() / Math.max(0.001, seconds(wave.firstDue(), lastExpiry)),
                                    lateness(wave, expiredAt)),
                    "each expired once: %d 'handoff.expired' events, no incident, no timer left"
                            .formatted(wave.due().size()),
                    "timers by locking node (%d of %d seen locked by sampling the job table): %s".formatted(
                            sampled, wave.due().size(), byNode));
        }
    }

    /** Until well after the last due time: the nodes fire some hundred timers a second, on a machine that may be busy. */
    private static Duration patience(ExpiryWave wave) {
        return Duration.between(Instant.now(), wave.lastDue()).plusSeconds(60 + wave.due().size() / 25);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1_000.0;
    }

    private static String lateness(ExpiryWave wave, Map<String, Instant> expiredAt) {
        List<Long> late = wave.due().entrySet().stream()
                .map(due -> Duration.between(due.getValue(), expiredAt.get(due.getKey())).toMillis())
                .sorted().toList();
        return "each one late by median %d ms, 99th percentile %d ms, max %d ms".formatted(
                late.get(late.size() / 2), late.get(Math.min(late.size() - 1, late.size() * 99 / 100)),
                late.get(late.size() - 1));
    }
}
