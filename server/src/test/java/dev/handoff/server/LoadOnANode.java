package dev.handoff.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clients on a few threads that create handoffs (behind an approval gate), approve the ones they
 * created, read them and list them, one request after another, and remember every answer with
 * its timing. A request that gets no answer at all within {@link #REQUEST_TIMEOUT} is remembered
 * with status 0.
 */
final class LoadOnANode implements AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A short pause between one client's requests, so that a 2-core machine also serves the node. */
    private static final long PAUSE_MILLIS = 10;
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    /** One request and its answer; times are {@link System#nanoTime()}. */
    record Outcome(String operation, String handoffId, long started, long ended, int status, String retryAfter,
                   String contentType, String body) {

        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(ended - started);
        }
    }

    private final URI base;
    private final String key;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<Thread> clients = new ArrayList<>();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final List<String> created = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    LoadOnANode(int port, String key, int threads) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.key = key;
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(this::run, "load-" + i);
            thread.setDaemon(true);
            clients.add(thread);
        }
    }

    void start() {
        clients.forEach(Thread::start);
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Stops the clients after the requests they are sending. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : clients) {
            thread.join(REQUEST_TIMEOUT.toMillis() + 5_000);
        }
    }

    private void run() {
        Deque<String> awaitingApproval = new ArrayDeque<>();
        for (int turn = 0; running; turn++) {
            switch (turn % 4) {
                case 0 -> {
                    Outcome outcome = create();
                    if (outcome.status() == 201) {
                        awaitingApproval.add(outcome.handoffId());
                    }
                }
                case 1 -> read();
                case 2 -> {
                    if (!awaitingApproval.isEmpty()) {
                        approve(awaitingApproval.poll());
                    }
                }
                default -> send("list", null, request("/api/handoffs?status=pending&profileId=reviewer-agent").GET());
            }
            pause();
        }
    }

    private Outcome create() {
        String body = """
                {"fromProfileId":"analyst-agent","toProfileId":"reviewer-agent","subject":"Load %s",\
                "body":"Created while the database may be away.","requiresApproval":true}"""
                .formatted(UUID.randomUUID());
        Outcome outcome = send("create", null, request("/api/handoffs")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (outcome.status() == 201) {
            created.add(outcome.handoffId());
        }
        return outcome;
    }

    private void read() {
        if (created.isEmpty()) {
            return;
        }
        String id = created.get(ThreadLocalRandom.current().nextInt(created.size()));
        send("read", id, request("/api/handoffs/" + id).GET());
    }

    private void approve(String id) {
        send("approve", id, request("/api/handoffs/" + id)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"action\":\"approve\",\"approvedBy\":\"reviewer@example.com\"}")));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).header("x-api-key", key);
    }

    private Outcome send(String operation, String handoffId, HttpRequest.Builder request) {
        long started = System.nanoTime();
        Outcome outcome;
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String id = handoffId;
            if (id == null && operation.equals("create")) {
                Matcher found = ID.matcher(response.body());
                id = found.find() ? found.group(1) : null;
            }
            outcome = new Outcome(operation, id, started, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException noAnswer) {
            outcome = new Outcome(operation, handoffId, started, System.nanoTime(), 0, null, "", noAnswer.toString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
            outcome = new Outcome(operation, handoffId, started, System.nanoTime(), 0, null, "", "interrupted");
        }
        outcomes.add(outcome);
        return outcome;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
