package dev.handoff.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Requests spread evenly over the nodes: request {@code i} goes to node {@code i % 3 + 1}, and each
 * node is kept busy by a few clients of its own, as behind a round-robin load balancer.
 */
final class Spread {

    static final int CLIENTS_PER_NODE = 3;

    private Spread() {
    }

    /** Runs {@code count} requests and returns when all have answered; the first failure is thrown. */
    static void run(List<Node> nodes, int count, Request request) {
        run(nodes, i -> i < count, request);
    }

    /** Keeps sending requests until {@code until}, then returns when all have answered. */
    static void until(List<Node> nodes, Instant until, Request request) {
        run(nodes, i -> Instant.now().isBefore(until), request);
    }

    private static void run(List<Node> nodes, IntPredicate more, Request request) {
        ExecutorService clients = Executors.newFixedThreadPool(nodes.size() * CLIENTS_PER_NODE);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                Node node = nodes.get(n);
                AtomicInteger next = new AtomicInteger(n);
                for (int client = 0; client < CLIENTS_PER_NODE; client++) {
                    running.add(clients.submit(() -> {
                        for (int i = next.getAndAdd(nodes.size()); more.test(i); i = next.getAndAdd(nodes.size())) {
                            request.send(node, i);
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> client : running) {
                client.get();
            }
        } catch (ExecutionException failure) {
            throw new IllegalStateException("a request failed: " + failure.getCause().getMessage(), failure.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } finally {
            clients.shutdownNow();
        }
    }

    interface Request {
        void send(Node node, int index);
    }
}
