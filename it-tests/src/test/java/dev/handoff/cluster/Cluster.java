package dev.handoff.cluster;

import dev.handoff.endtoend.Api;
import dev.handoff.endtoend.ServerProcess;
import dev.handoff.testing.PostgresDatabase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Three {@code bin/handoff serve} processes on loopback, each with its own port and node name, on
 * one fresh PostgreSQL database that is dropped on close. Every node gets the same settings: only
 * the port and the node name differ, as in production.
 *
 * <p>The first node starts alone: on an empty database two starting nodes would both create
 * Camunda's schema, and one of them would fail. Once it serves, the schema, Handoff's tables and
 * the deployed process are there, and the other nodes start together, while the API key is made.
 */
final class Cluster implements AutoCloseable {

    static final int SIZE = 3;
    static final String ACCOUNT = "ACCOUNT-1";
    static final String PROJECT = "PROJECT-1";

    private final PostgresDatabase database;
    private final List<Node> nodes;

    private Cluster(PostgresDatabase database, List<Node> nodes) {
        this.database = database;
        this.nodes = List.copyOf(nodes);
    }

    /** A running cluster; {@code settings} (HANDOFF_* variables) are added to every node's. */
    static Cluster start(Path workspace, Map<String, String> settings) {
        PostgresDatabase database = PostgresDatabase.create();
        Map<String, String> shared = new HashMap<>(settings);
        shared.put("HANDOFF_DB_URL", database.url());
        shared.put("HANDOFF_DB_USER", database.user());
        shared.put("HANDOFF_HOST", "127.0.0.1");
        List<ServerProcess> started = new ArrayList<>();
        try {
            started.add(serve(workspace, shared, 1));
            List<CompletableFuture<ServerProcess>> others = new ArrayList<>();
            for (int number = 2; number <= SIZE; number++) {
                int next = number;
                others.add(CompletableFuture.supplyAsync(() -> serve(workspace, shared, next), Cluster::inItsOwnThread));
            }
            RuntimeException failure = null;
            String key = null;
            try {
                key = createKey(shared);
            } catch (RuntimeException failed) {
                failure = failed;
            }
            for (CompletableFuture<ServerProcess> other : others) {
                try {
                    started.add(other.join()); // in node order: the nodes list below relies on it
                } catch (RuntimeException failed) {
                    failure = failure == null ? failed : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
            List<Node> nodes = new ArrayList<>();
            for (int number = 1; number <= SIZE; number++) {
                ServerProcess process = started.get(number - 1);
                nodes.add(new Node(nodeName(number), process, new Api(process.baseUrl(), key)));
            }
            return new Cluster(database, nodes);
        } catch (RuntimeException | Error failure) {
            started.forEach(ServerProcess::close);
            database.close();
            throw failure;
        }
    }

    List<Node> nodes() {
        return nodes;
    }

    /** Node 1, 2 or 3. */
    Node node(int number) {
        return nodes.get(number - 1);
    }

    /** The database every node shares, read directly. */
    SharedDatabase database() {
        return new SharedDatabase(database.url(), database.user());
    }

    /** Stops the nodes still running (together: each waits for its requests to finish), then drops the database. */
    @Override
    public void close() {
        nodes.forEach(Cluster::printComplaints);
        try {
            nodes.stream()
                    .map(node -> CompletableFuture.runAsync(node.process()::close, Cluster::inItsOwnThread))
                    .toList()
                    .forEach(CompletableFuture::join);
        } finally {
            database.close();
        }
    }

    /** A node's warnings and errors, with what follows them (stack traces), for a test's log. */
    private static void printComplaints(Node node) {
        List<String> complaints = node.process().output().stream()
                .dropWhile(line -> !line.contains(" WARN ") && !line.contains(" ERROR "))
                .filter(line -> !line.contains(" INFO "))
                .limit(50)
                .toList();
        if (!complaints.isEmpty()) {
            Report.print(node.name() + " logged warnings or errors", complaints.toArray(String[]::new));
        }
    }

    private static ServerProcess serve(Path workspace, Map<String, String> shared, int number) {
        Map<String, String> settings = new HashMap<>(shared);
        settings.put("HANDOFF_NODE_NAME", nodeName(number));
        // the data directory is unused on PostgreSQL; each node still gets its own, as it would on its own host
        return ServerProcess.serve(ServerProcess.newDataDir(workspace, nodeName(number)), settings);
    }

    /** The key every client uses, made as an operator would: {@code bin/handoff keys create} on the same settings. */
    private static String createKey(Map<String, String> settings) {
        List<String> output = ServerProcess.run(settings, "keys", "create", "--account", ACCOUNT, "--project", PROJECT);
        return output.get(output.size() - 1);
    }

    private static void inItsOwnThread(Runnable work) {
        new Thread(work, "cluster-fixture").start();
    }

    private static String nodeName(int number) {
        return "node-" + number;
    }
}
