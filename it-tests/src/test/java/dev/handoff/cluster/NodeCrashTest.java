package dev.handoff.cluster;

import dev.handoff.cluster.SharedDatabase.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kill -9} of one node of three: nothing it acknowledged is lost, and the others take over its timers. */
class NodeCrashTest {

    /** Short, so that the survivors may take the dead node's timers within the test's patience. */
    private static final Duration LOCK_TIME = Duration.ofSeconds(10);

    @TempDir
    Path workspace;

    @Test
    void a_node_killed_during_a_create_load_loses_nothing_it_acknowledged_and_the_others_keep_serving() {
        try (Cluster cluster = Cluster.start(workspace, Map.of())) {
            // given
            Node victim = cluster.node(3);
            Map<String, String> acknowledged;
            List<String> refused;
            int unanswered;
            long afterTheKill;
            try (CreateLoad load = CreateLoad.start(cluster.nodes())) {
                load.awaitAcknowledged(victim, 50);

                // when
                victim.process().kill();
                long beforeTheKill = load.acknowledged().size();
                load.awaitMore(100);
                afterTheKill = load.acknowledged().size() - beforeTheKill;
                load.stop();
                acknowledged = load.acknowledged();
                refused = load.refused();
                unanswered = load.unanswered();
            }

            // then
            SharedDatabase database = cluster.database();
            Map<String, String> statuses = database.statuses();
            Map<String, Integer> processes = database.processCounts();
            Map<String, Set<String>> waiting = database.waitingActivities();
            Map<String, List<String>> events = database.events();
            assertThat(refused).as("answers other than 201").isEmpty();
            assertThat(statuses.keySet()).as("acknowledged handoffs stored").containsAll(acknowledged.keySet());
            assertThat(processes).as("one process per handoff, none without a handoff")
                    .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1))
                    .containsOnlyKeys(statuses.keySet());
            assertThat(statuses.keySet()).allSatisfy(id -> {
                assertThat(statuses.get(id)).as(id).isEqualTo("pending");
                assertThat(waiting.get(id)).as("where pending " + id + " waits").containsAnyOf("decide", "pending");
                assertThat(events.get(id)).as(id).containsExactly("handoff.created");
            });
            assertThat(database.incidents()).as("open incidents").isEmpty();

            Report.print("node killed during a create load",
                    "acknowledged (201) by node: %s; %d of them after %s was killed".formatted(
                            acknowledged.values().stream().collect(Collectors.groupingBy(node -> node, TreeMap::new,
                                    Collectors.counting())), afterTheKill, victim.name()),
                    "%d requests in flight on %s got no answer; %d handoffs stored, all %d acknowledged among them"
                            .formatted(unanswered, victim.name(), statuses.size(), acknowledged.size()),
                    "every stored handoff has exactly one process, waiting in 'decide' or 'pending'; no refusal, "
                            + "no incident");
        }
    }

    @Test
    void a_node_killed_during_an_expiry_wave_leaves_its_timers_to_the_others_and_each_fires_once() {
        try (Cluster cluster = Cluster.start(workspace, Map.of("HANDOFF_JOBS_LOCK_TIME", LOCK_TIME.toString()))) {
            // given
            SharedDatabase database = cluster.database();
            Node victim = cluster.node(3);
            ExpiryWave wave = ExpiryWave.create(cluster.nodes(), Volumes.EXPIRING_DURING_CRASH);
            Waiting.until(() -> database.lockedTimers().values().stream().anyMatch(lock -> heldBy(victim, lock)),
                    Duration.between(Instant.now(), wave.lastDue()).plusSeconds(60),
                    victim.name() + " holds timers of the wave");

            // when
            victim.process().kill();
            Instant killed = Instant.now();
            Map<String, Lock> leftLocked = new HashMap<>();
            database.lockedTimers().values().stream().filter(lock -> heldBy(victim, lock))
                    .forEach(lock -> leftLocked.put(lock.handoffId(), lock));
            Waiting.until(() -> database.pendingExpiringBefore(wave.lastDue().plusSeconds(1)) == 0,
                    LOCK_TIME.plusSeconds(60 + wave.due().size() / 25), "every handoff of the wave expired");

            // then
            Map<String, String> statuses = database.statuses();
            Map<String, List<String>> events = database.events();
            List<String> notExpiredOnce = new ArrayList<>();
            wave.due().keySet().forEach(id -> {
                long expiries = events.getOrDefault(id, List.of()).stream().filter("handoff.expired"::equals).count();
                if (!"expired".equals(statuses.get(id)) || expiries != 1) {
                    notExpiredOnce.add(id + " " + statuses.get(id) + " " + events.get(id));
                }
            });
            assertThat(notExpiredOnce).as("handoffs not expired exactly once").isEmpty();
            assertThat(database.incidents()).as("open incidents").isEmpty();
            assertThat(database.withJobs()).as("handoffs with a timer left").doesNotContainAnyElementsOf(wave.due().keySet());

            // the dead node's timers: a transaction it was committing as it died may have expired one; the
            // others were fired by the survivors, and only once the dead node's lock had run out
            Map<String, Instant> expiredAt = database.eventTimes("handoff.expired");
            Map<String, Lock> takenOver = leftLocked.entrySet().stream()
                    .filter(left -> expiredAt.get(left.getKey()).isAfter(killed))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(takenOver).as("timers the dead node held, fired by the others").isNotEmpty();
            assertThat(takenOver).allSatisfy((id, lock) -> assertThat(expiredAt.get(id)).as(id)
                    .isAfterOrEqualTo(lock.expiresAt().truncatedTo(ChronoUnit.MILLIS)));

            Instant lastTakeover = takenOver.keySet().stream().map(expiredAt::get).max(Instant::compareTo).orElseThrow();
            Instant lastLockExpiry = takenOver.values().stream().map(Lock::expiresAt).max(Instant::compareTo)
                    .orElseThrow();
            Instant lastExpiry = wave.due().keySet().stream().map(expiredAt::get).max(Instant::compareTo).orElseThrow();
            Report.print("node killed during an expiry wave (job lock time " + LOCK_TIME + ")",
                    "%d handoffs due within %d ms; %s killed %.1f s after the first due time".formatted(
                            wave.due().size(), Duration.between(wave.firstDue(), wave.lastDue()).toMillis(),
                            victim.name(), seconds(wave.firstDue(), killed)),
                    "it died holding %d timers; %d of them fired by the survivors, the last %.1f s after the kill, "
                            .formatted(leftLocked.size(), takenOver.size(), seconds(killed, lastTakeover))
                            + "%.1f s after its last lock ran out".formatted(seconds(lastLockExpiry, lastTakeover)),
                    "all %d expired exactly once, the last %.1f s after the first due time; no incident, no timer left"
                            .formatted(wave.due().size(), seconds(wave.firstDue(), lastExpiry)));
        }
    }

    private static boolean heldBy(Node node, Lock lock) {
        return lock.owner().equals(node.name()) && lock.expiresAt().isAfter(Instant.now());
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1_000.0;
    }
}
