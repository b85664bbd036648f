package dev.handoff.cluster;

import dev.handoff.endtoend.Api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that keep creating handoffs on every node until stopped, as agents would. A client whose
 * node stops answering gives up: a request that got no answer was promised nothing.
 */
final class CreateLoad implements AutoCloseable {

    private static final int CLIENTS_PER_NODE = 2;

    /** Handoff id → the node that answered 201 for it. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Queue<String> refused = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;

    private CreateLoad(List<Node> nodes) {
        clients = Executors.newFixedThreadPool(nodes.size() * CLIENTS_PER_NODE);
        for (Node node : nodes) {
            for (int client = 0; client < CLIENTS_PER_NODE; client++) {
                boolean approval = client % 2 == 0;
                clients.submit(() -> create(node, approval));
            }
        }
    }

    static CreateLoad start(List<Node> nodes) {
        return new CreateLoad(nodes);
    }

    /** Waits until {@code node} has acknowledged at least {@code count} creates. */
    void awaitAcknowledged(Node node, int count) {
        Waiting.until(() -> acknowledgedBy(node) >= count, Duration.ofSeconds(60),
                node.name() + " acknowledged " + count + " creates");
    }

    /** Waits until the nodes together have acknowledged {@code count} more creates than now. */
    void awaitMore(int count) {
        int wanted = acknowledged.size() + count;
        Waiting.until(() -> acknowledged.size() >= wanted, Duration.ofSeconds(60), count + " more creates");
    }

    long acknowledgedBy(Node node) {
        return acknowledged.values().stream().filter(node.name()::equals).count();
    }

    /** Handoff id → the node that acknowledged it. */
    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** Answers other than 201, as "node status". */
    List<String> refused() {
        return List.copyOf(refused);
    }

    /** Requests that got no answer: those in flight when their node died. */
    int unanswered() {
        return unanswered.get();
    }

    /** Stops the clients and waits for their last requests. */
    void stop() {
        running.set(false);
        clients.shutdown();
        try {
            if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the create clients did not stop");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void create(Node node, boolean approval) {
        while (running.get()) {
            Api.Reply reply;
            try {
                reply = node.api().post("/api/handoffs", Api.seedBody("{\"requiresApproval\": " + approval + "}"));
            } catch (IllegalStateException noAnswer) {
                unanswered.incrementAndGet();
                return;
            }
            if (reply.status() == 201) {
                acknowledged.put(reply.field("id"), node.name());
            } else {
                refused.add(node.name() + " " + reply.status() + " " + reply.body());
            }
        }
    }
}
