package dev.handoff.cluster;

import dev.handoff.endtoend.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** An approver on one node and another on a second node decide the same handoff at the same moment. */
class ConflictingDecisionsTest {

    private static final String APPROVE = "{\"action\": \"approve\", \"approvedBy\": \"approver-on-node-1\"}";
    private static final String REJECT = "{\"action\": \"reject\", \"approvedBy\": \"approver-on-node-2\"}";
    /** Races run side by side, each between its own two threads. */
    private static final int RACES_AT_ONCE = 4;

    @TempDir
    Path workspace;

    @Test
    void approving_on_one_node_and_rejecting_on_another_at_once_ends_in_exactly_one_decision() throws Exception {
        try (Cluster cluster = Cluster.start(workspace, Map.of())) {
            // given
            Map<String, Boolean> contested = new ConcurrentHashMap<>();
            Spread.run(cluster.nodes(), Volumes.CONTESTED,
                    (node, i) -> contested.put(node.api().create("{\"requiresApproval\": true}"), true));

            // when
            Instant start = Instant.now();
            List<Race> races = race(cluster.node(1).api(), cluster.node(2).api(), List.copyOf(contested.keySet()));
            Duration racing = Duration.between(start, Instant.now());

            // then
            assertThat(races).as("every race gave one 200 and one 409")
                    .allSatisfy(race -> assertThat(List.of(race.approval(), race.rejection()))
                            .as(race.id()).containsExactlyInAnyOrder(200, 409));
            SharedDatabase database = cluster.database();
            Map<String, String> statuses = database.statuses();
            Map<String, List<String>> events = database.events();
            Map<String, Set<String>> waiting = database.waitingActivities();
            Set<String> ended = database.endedProcesses();
            Set<String> withTasks = database.withTasks();
            Set<String> withJobs = database.withJobs();
            Map<String, Integer> processes = database.processCounts();
            List<String> disagreements = new ArrayList<>();
            for (Race race : races) {
                String id = race.id();
                boolean approved = race.approval() == 200;
                String decision = approved ? "handoff.approved" : "handoff.rejected";
                boolean agrees = statuses.get(id).equals(approved ? "accepted" : "rejected")
                        && events.get(id).equals(List.of("handoff.created", decision))
                        && processes.get(id) == 1
                        && !withTasks.contains(id)
                        && !withJobs.contains(id)
                        && (approved
                        ? waiting.getOrDefault(id, Set.of()).equals(Set.of("accepted")) && !ended.contains(id)
                        : !waiting.containsKey(id) && ended.contains(id));
                if (!agrees) {
                    disagreements.add(id + ": " + race + ", row " + statuses.get(id) + ", events " + events.get(id)
                            + ", waiting in " + waiting.get(id) + ", ended " + ended.contains(id)
                            + ", open task " + withTasks.contains(id) + ", timer " + withJobs.contains(id));
                }
            }
            assertThat(disagreements).as("handoffs whose row, events and process disagree with the race").isEmpty();
            assertThat(database.incidents()).as("open incidents").isEmpty();

            long approvals = races.stream().filter(race -> race.approval() == 200).count();
            Report.print("conflicting decisions",
                    "%d handoffs, each approved on node-1 and rejected on node-2 at the same moment (%d races at once)"
                            .formatted(races.size(), RACES_AT_ONCE),
                    "%d approvals won, %d rejections won; every race gave exactly one 200 and one 409, no 5xx"
                            .formatted(approvals, races.size() - approvals),
                    "row, outbox and process agree for all %d: accepted ones wait in 'accepted', rejected ones ended; "
                            .formatted(races.size()) + "racing took %.1f s".formatted(racing.toMillis() / 1_000.0));
        }
    }

    /** The outcome of one race: the status each side got. */
    record Race(String id, int approval, int rejection) {
    }

    private static List<Race> race(Api approver, Api rejecter, List<String> ids) throws Exception {
        ExecutorService deciders = Executors.newFixedThreadPool(2 * RACES_AT_ONCE);
        ExecutorService races = Executors.newFixedThreadPool(RACES_AT_ONCE);
        try {
            List<Future<Race>> running = new ArrayList<>();
            for (String id : ids) {
                running.add(races.submit(() -> race(deciders, approver, rejecter, id)));
            }
            List<Race> outcomes = new ArrayList<>();
            for (Future<Race> race : running) {
                outcomes.add(race.get());
            }
            return outcomes;
        } catch (ExecutionException failure) {
            throw new IllegalStateException("a race failed: " + failure.getCause(), failure.getCause());
        } finally {
            races.shutdownNow();
            deciders.shutdownNow();
        }
    }

    /** Both requests wait at the start line until both are ready, then go together. */
    private static Race race(ExecutorService deciders, Api approver, Api rejecter, String id) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        String path = "/api/handoffs/" + id;
        Future<Integer> approval = deciders.submit(() -> {
            ready.countDown();
            go.await();
            return approver.patch(path, APPROVE).status();
        });
        Future<Integer> rejection = deciders.submit(() -> {
            ready.countDown();
            go.await();
            return rejecter.patch(path, REJECT).status();
        });
        ready.await();
        go.countDown();
        return new Race(id, approval.get(), rejection.get());
    }
}
