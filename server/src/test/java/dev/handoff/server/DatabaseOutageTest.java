package dev.handoff.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.IssueApiKeyCommand;
import dev.handoff.server.LoadOnANode.Outcome;
import dev.handoff.testing.PostgresDatabase;
import dev.handoff.testing.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node on PostgreSQL, under load from a few clients, is cut off its database for ten seconds by a
 * TCP proxy between them (the machine's PostgreSQL itself is never touched). Meanwhile every request
 * is refused with 503, {@code Retry-After} and a problem, within the pool's connection timeout, and
 * {@code /health} says DOWN. Once the proxy forwards again the node serves again by itself, its job
 * executor fires timers again, and the database holds every handoff that got a 201 with its process
 * instance, and nothing half-written.
 */
class DatabaseOutageTest {

    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration BEFORE_AND_AFTER = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /**
     * One unit of work at a time waits for a connection while the database is away: at most the
     * connection timeout, plus one validation (as long at most) of a pooled connection that went
     * silent; the others are refused at once. Two seconds more for a busy 2-core machine.
     */
    private static final Duration LONGEST_REFUSAL = CONNECTION_TIMEOUT.multipliedBy(2).plusSeconds(2);
    private static final int CLIENTS = 8;
    private static final Map<String, Level> QUIETER = Map.of(
            "dev.handoff.requests", Level.WARN, // a line per request, thousands of them
            "dev.handoff.rest", Level.ERROR, // a line per 503
            "org.camunda.bpm.engine.jobexecutor", Level.OFF, // every job acquisition fails while the database is away
            "org.camunda.bpm.engine.context", Level.OFF,
            "org.camunda.bpm.engine.cmd", Level.OFF,
            "com.zaxxer.hikari", Level.ERROR);
    private static final Map<String, Level> levelsBefore = new HashMap<>();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void quieter_logs() {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        QUIETER.forEach((name, level) -> {
            levelsBefore.put(name, logs.getLogger(name).getLevel());
            logs.getLogger(name).setLevel(level);
        });
    }

    @AfterAll
    static void usual_logs() {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        levelsBefore.forEach((name, level) -> logs.getLogger(name).setLevel(level));
    }

    @Test
    void a_node_cut_off_its_database_refuses_with_503_meanwhile_recovers_by_itself_and_loses_nothing_committed()
            throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            URI server = URI.create(database.url().substring("jdbc:".length()));
            try (TcpProxy proxy = TcpProxy.to(server.getHost(), server.getPort())) {
                ServerSettings settings = settings("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database.name());
                try (HandoffNode node = HandoffNode.start(settings)) {
                    outageUnderLoad(node, issueKey(settings), proxy, database);
                }
            }
        }
    }

    private void outageUnderLoad(HandoffNode node, String key, TcpProxy proxy, PostgresDatabase database)
            throws Exception {
        URI base = URI.create("http://127.0.0.1:" + node.port());
        Timeline timeline;
        List<Integer> healthWhileDown;
        long healthBackAfterMillis;
        long expiredAfterMillis;
        List<Outcome> outcomes;

        // given a node under load
        assertThat(health(base)).isEqualTo(200);
        try (LoadOnANode load = new LoadOnANode(node.port(), key, CLIENTS)) {
            load.start();
            sleep(BEFORE_AND_AFTER);
            // a busy machine may need longer than that before both reads and writes have been answered
            millisUntil(() -> load.outcomes().stream().map(Outcome::status).toList().containsAll(List.of(200, 201)),
                    System.nanoTime());

            // when the database is cut off for ten seconds, and comes back
            long cut = System.nanoTime();
            proxy.cut();
            healthWhileDown = new ArrayList<>();
            while (System.nanoTime() - cut < OUTAGE.toNanos()) {
                healthWhileDown.add(health(base));
                sleep(Duration.ofMillis(500));
            }
            long restored = System.nanoTime();
            proxy.restore();
            healthBackAfterMillis = millisUntil(() -> health(base) == 200, restored);
            timeline = new Timeline(cut, restored);
            sleep(BEFORE_AND_AFTER);
            load.close();
            outcomes = load.outcomes();
        }
        String expiring = create(base, key, Instant.now().plusSeconds(2));
        long due = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        expiredAfterMillis = millisUntil(() -> status(base, key, expiring).equals("expired"), due);

        // then
        Map<Phase, Map<Integer, Long>> byPhase = timeline.count(outcomes);
        List<Outcome> whileDown = outcomes.stream().filter(outcome -> timeline.phaseOf(outcome) == Phase.DOWN)
                .sorted(Comparator.comparingLong(Outcome::millis)).toList();
        long longestWhileDown = whileDown.isEmpty() ? -1 : whileDown.get(whileDown.size() - 1).millis();
        long medianWhileDown = whileDown.isEmpty() ? -1 : whileDown.get(whileDown.size() / 2).millis();
        String slowestWhileDown = whileDown.isEmpty() ? "none" : whileDown.get(whileDown.size() - 1).operation();
        long firstCreatedAfterMillis = outcomes.stream()
                .filter(outcome -> outcome.operation().equals("create") && outcome.status() == 201
                        && outcome.started() >= timeline.restored())
                .mapToLong(outcome -> TimeUnit.NANOSECONDS.toMillis(outcome.ended() - timeline.restored()))
                .min().orElse(-1);
        System.out.printf("%nDatabase outage of %s under %d clients (connection timeout %s):%n"
                        + "  status codes per phase: %s%n  refusals while down: median %d ms, longest %d ms (%s)%n"
                        + "  /health while down: %s%n  /health UP again %d ms after the database came back%n"
                        + "  first 201 after the database came back: %d ms%n"
                        + "  a timer due after the outage fired %d ms after it was due%n%n",
                OUTAGE, CLIENTS, CONNECTION_TIMEOUT, byPhase, medianWhileDown, longestWhileDown, slowestWhileDown,
                healthWhileDown,
                healthBackAfterMillis, firstCreatedAfterMillis, expiredAfterMillis);

        assertThat(outcomes).as("every request was answered, none with a 5xx but 503")
                .allSatisfy(outcome -> assertThat(outcome.status()).as(outcome.toString()).isIn(200, 201, 503));
        assertThat(outcomes).filteredOn(outcome -> outcome.status() == 503).isNotEmpty()
                .allSatisfy(DatabaseOutageTest::isAnUnavailableProblem);
        assertThat(byPhase.get(Phase.BEFORE).keySet()).as("before the outage").containsOnly(200, 201);
        assertThat(byPhase.get(Phase.DOWN).keySet()).as("while the database is away").containsOnly(503);
        assertThat(longestWhileDown).isBetween(0L, LONGEST_REFUSAL.toMillis());
        assertThat(healthWhileDown).isNotEmpty().containsOnly(503);
        assertThat(byPhase.get(Phase.AFTER)).as("after the outage").containsKey(201);
        assertThat(healthBackAfterMillis).isBetween(0L, PATIENCE.toMillis());
        assertThat(expiredAfterMillis).as("the job executor fires timers again").isBetween(0L, PATIENCE.toMillis());
        nothingCommittedIsLostOrHalfWritten(database, outcomes);
    }

    private static void isAnUnavailableProblem(Outcome outcome) {
        assertThat(outcome.retryAfter()).as(outcome.toString()).matches("[0-9]+");
        assertThat(outcome.contentType()).startsWith("application/problem+json");
        assertThat(outcome.body()).contains("\"type\":\"https://handoff.dev/problems/unavailable\"")
                .doesNotContain("Exception", "SQL", "jdbc", "\tat ");
    }

    /** Checked straight in the database, past the proxy. */
    private static void nothingCommittedIsLostOrHalfWritten(PostgresDatabase database, List<Outcome> outcomes)
            throws SQLException {
        Set<String> created = ids(outcomes, "create", 201);
        Set<String> approved = ids(outcomes, "approve", 200);
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "")) {
            Map<String, String> statuses = rows(connection, "SELECT id::text, status FROM handoff");
            Map<String, String> processes = rows(connection, "SELECT business_key_, id_ FROM act_hi_procinst "
                    + "WHERE proc_def_key_ = 'handoff'");
            Map<String, String> creationEvents = rows(connection, "SELECT handoff_id::text, count(*) FROM handoff_event "
                    + "WHERE type = 'handoff.created' GROUP BY handoff_id");
            Map<String, String> incidents = rows(connection, "SELECT id_, incident_msg_ FROM act_ru_incident");

            assertThat(statuses.keySet()).as("every 201 is stored").containsAll(created);
            assertThat(processes.keySet()).as("each handoff has its process, each process its handoff")
                    .hasSameElementsAs(statuses.keySet());
            assertThat(creationEvents.keySet()).hasSameElementsAs(statuses.keySet());
            assertThat(creationEvents.values()).as("one creation event each").containsOnly("1");
            assertThat(approved).allSatisfy(id -> assertThat(statuses.get(id)).isEqualToIgnoringCase("accepted"));
            assertThat(incidents).isEmpty();
            System.out.printf("  stored: %d handoffs (%d acknowledged with 201), %d approvals acknowledged%n",
                    statuses.size(), created.size(), approved.size());
        }
    }

    private static Set<String> ids(List<Outcome> outcomes, String operation, int status) {
        return outcomes.stream()
                .filter(outcome -> outcome.operation().equals(operation) && outcome.status() == status)
                .map(Outcome::handoffId)
                .collect(Collectors.toSet());
    }

    private static Map<String, String> rows(Connection connection, String sql) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.put(result.getString(1), result.getString(2));
            }
        }
        return rows;
    }

    private ServerSettings settings(String jdbcUrl) {
        return ServerSettings.from(Configuration.load(Map.of(
                "handoff.db.url", jdbcUrl,
                "handoff.db.user", "postgres",
                "handoff.db.connection-timeout", CONNECTION_TIMEOUT.toString(),
                "handoff.port", "0",
                "handoff.host", "127.0.0.1",
                "handoff.data-dir", dataDir.toString(),
                "handoff.node.name", "outage-test",
                "handoff.shutdown.grace", "PT1S"), Map.of()));
    }

    private static String issueKey(ServerSettings settings) {
        try (DirectKeys keys = new DirectKeys(settings)) {
            return keys.issue(new IssueApiKeyCommand(new Tenant("ACCOUNT-1", "PROJECT-1"), "local",
                    EnumSet.allOf(Scope.class))).token();
        }
    }

    private int health(URI base) {
        return send(HttpRequest.newBuilder(base.resolve("/health")).GET()).statusCode();
    }

    private String create(URI base, String key, Instant expiresAt) {
        String body = """
                {"fromProfileId":"analyst-agent","toProfileId":"reviewer-agent","subject":"Due soon",\
                "body":"Expires after the outage.","requiresApproval":true,"expiresAt":"%s"}""".formatted(expiresAt);
        HttpResponse<String> created = send(HttpRequest.newBuilder(base.resolve("/api/handoffs"))
                .header("x-api-key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.body().replaceAll("^\\{\"id\":\"([^\"]+)\".*$", "$1");
    }

    private String status(URI base, String key, String id) {
        String body = send(HttpRequest.newBuilder(base.resolve("/api/handoffs/" + id)).header("x-api-key", key)
                .GET()).body();
        return body.replaceAll("^.*\"status\":\"([a-z_]+)\".*$", "$1");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(LoadOnANode.REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new AssertionError("no answer from the node", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    /** Milliseconds from {@code since} (nano time) until {@code condition} holds, or -1 past the patience. */
    private static long millisUntil(BooleanSupplier condition, long since) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
            }
            sleep(Duration.ofMillis(100));
        }
        return -1;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where a request fell: wholly before the cut, wholly while cut off, across a change, or after the restore. */
    enum Phase { BEFORE, DOWN, ACROSS, AFTER }

    private record Timeline(long cut, long restored) {

        Phase phaseOf(Outcome outcome) {
            if (outcome.ended() < cut) {
                return Phase.BEFORE;
            }
            if (outcome.started() >= cut && outcome.ended() < restored) {
                return Phase.DOWN;
            }
            return outcome.started() >= restored ? Phase.AFTER : Phase.ACROSS;
        }

        Map<Phase, Map<Integer, Long>> count(List<Outcome> outcomes) {
            Map<Phase, Map<Integer, Long>> counts = new EnumMap<>(Phase.class);
            for (Phase phase : Phase.values()) {
                counts.put(phase, new TreeMap<>());
            }
            outcomes.forEach(outcome -> counts.get(phaseOf(outcome)).merge(outcome.status(), 1L, Long::sum));
            return counts;
        }
    }
}
