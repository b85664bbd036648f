package dev.handoff.endtoend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing acknowledged is lost, and no handoff or process is left without the other, whatever stops the node. */
class RestartAndCrashTest {

    private static final Map<String, String> SETTINGS = Map.of();

    @TempDir
    Path workspace;

    @Test
    void a_restart_keeps_every_handoff_and_a_timer_set_before_it_fires_after_it() {
        // given
        Path dataDir = ServerProcess.newDataDir(workspace, "data");
        Map<String, String> statuses = new LinkedHashMap<>();
        String expiring;
        try (ServerProcess first = ServerProcess.serve(dataDir, SETTINGS)) {
            Api api = new Api(first.baseUrl(), Keys.create(dataDir, SETTINGS, "ACCOUNT-1", "PROJECT-1"));
            for (int i = 0; i < 5; i++) {
                String id = api.create("{\"requiresApproval\": " + (i % 2 == 0) + "}");
                statuses.put(id, "pending");
            }
            String approved = api.create("{\"requiresApproval\": true}");
            api.patch("/api/handoffs/" + approved, "{\"action\": \"approve\"}");
            statuses.put(approved, "accepted");
            expiring = api.create("{\"requiresApproval\": true, \"expiresAt\": \"" + Instant.now().plusSeconds(8) + "\"}");

            // when
            first.stop();
            assertThat(first.output()).as("the server's last words").anyMatch(line -> line.contains("Stopped"));
        }
        try (ServerProcess second = ServerProcess.serve(dataDir, SETTINGS)) {
            Api api = new Api(second.baseUrl(), Keys.create(dataDir, SETTINGS, "ACCOUNT-1", "PROJECT-1"));

            // then
            statuses.forEach((id, status) -> assertThat(api.get("/api/handoffs/" + id).field("status"))
                    .as(id).isEqualTo(status));
            assertThat(api.awaitStatus(expiring, "expired", Duration.ofSeconds(60))).isEqualTo("expired");
        }
    }

    @Test
    void a_node_killed_during_load_restarts_with_every_acknowledged_handoff_and_its_process() throws Exception {
        // given
        Path dataDir = ServerProcess.newDataDir(workspace, "data");
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        try (ServerProcess server = ServerProcess.serve(dataDir, SETTINGS)) {
            Api api = new Api(server.baseUrl(), Keys.create(dataDir, SETTINGS, "ACCOUNT-1", "PROJECT-1"));
            AtomicBoolean loading = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int client = 0; client < 4; client++) {
                boolean approval = client % 2 == 0;
                clients.submit(() -> {
                    while (loading.get()) {
                        try {
                            Api.Reply reply = api.post("/api/handoffs",
                                    Api.seedBody("{\"requiresApproval\": " + approval + "}"));
                            if (reply.status() == 201) {
                                acknowledged.add(reply.field("id"));
                            } else {
                                refused.incrementAndGet();
                            }
                        } catch (IllegalStateException connectionLost) {
                            // the node is gone; requests in flight have no answer, so no promise was made
                        }
                    }
                });
            }
            awaitAtLeast(acknowledged, 50, Duration.ofSeconds(60));

            // when
            server.kill();
            loading.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        // then
        List<String> missing = new ArrayList<>();
        try (ServerProcess restarted = ServerProcess.serve(dataDir, SETTINGS)) {
            Api api = new Api(restarted.baseUrl(), Keys.create(dataDir, SETTINGS, "ACCOUNT-1", "PROJECT-1"));
            for (String id : acknowledged) {
                if (api.get("/api/handoffs/" + id).status() != 200) {
                    missing.add(id);
                }
            }
        }
        assertThat(refused.get()).as("refused creates").isZero();
        assertThat(missing).as("acknowledged handoffs missing after the crash").isEmpty();
        StoredState stored = StoredState.of(dataDir);
        assertThat(stored.handoffStatuses().keySet()).containsAll(acknowledged);
        assertThat(stored.processBusinessKeys()).as("one process per handoff, no orphan either way")
                .isEqualTo(stored.handoffStatuses().keySet());
        stored.handoffStatuses().forEach((id, status) -> {
            if (status.equals("pending")) {
                assertThat(stored.runningProcessBusinessKeys()).as("pending " + id + " waits in its process").contains(id);
            }
        });
    }

    private static void awaitAtLeast(Queue<String> acknowledged, int count, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (acknowledged.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(acknowledged.size()).as("handoffs created before the kill").isGreaterThanOrEqualTo(count);
    }
}
