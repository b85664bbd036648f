package dev.handoff.bench.peer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the load generator relies on, whatever the database: the floor's insert and the Camunda
 * peer's REST calls, each checked over HTTP against a running {@link PeerServer}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PeerServerContract {

    /** Camunda REST's default date format. */
    private static final DateTimeFormatter CAMUNDA_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    /** Camunda's default job executor waits 5 s between acquisitions when idle; this leaves room for a busy machine. */
    private static final Duration TIMER_DEADLINE = Duration.ofSeconds(30);

    private PeerOptions options;
    PeerServer server;
    PeerClient client;

    /** A fresh database for this class. */
    abstract PeerOptions freshDatabase() throws Exception;

    abstract void dropDatabase() throws Exception;

    @BeforeAll
    void startPeer() throws Exception {
        options = freshDatabase();
        start();
    }

    @AfterAll
    void stopPeer() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            dropDatabase();
        }
    }

    void restart() {
        server.close();
        server = null;
        start();
    }

    private void start() {
        server = PeerServer.start(options);
        client = new PeerClient(server.port());
    }

    @Test
    void theFloorAnswersItsHealthCheck() {
        // when
        PeerClient.Reply reply = client.get("/floor/health");

        // then
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void theFloorStoresAHandoffAsOneRowAndAnswersWithItsId() throws SQLException {
        // given Handoff's own create body
        Map<String, Object> body = Map.of("fromProfileId", "analyst-agent", "toProfileId", "reviewer-agent",
                "sourceTaskId", "task-9d4e-a1b2", "subject", "Q4 revenue analysis ready for review",
                "body", "Please verify the methodology.", "priority", 1, "requiresApproval", true,
                "expiresAt", "2031-01-02T03:04:05.678Z");

        // when
        PeerClient.Reply reply = client.post("/floor/handoffs", body);

        // then
        assertThat(reply.status()).isEqualTo(201);
        UUID id = UUID.fromString(reply.body().path("id").asText());
        try (Connection connection = server.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT from_profile_id, to_profile_id,"
                     + " from_task_id, subject, body, status, requires_approval, expires_at FROM floor_handoff"
                     + " WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("the row of %s", id).isTrue();
                assertThat(row.getString("from_profile_id")).isEqualTo("analyst-agent");
                assertThat(row.getString("to_profile_id")).isEqualTo("reviewer-agent");
                assertThat(row.getString("from_task_id")).isEqualTo("task-9d4e-a1b2");
                assertThat(row.getString("subject")).isEqualTo("Q4 revenue analysis ready for review");
                assertThat(row.getString("body")).isEqualTo("Please verify the methodology.");
                assertThat(row.getString("status")).isEqualTo("pending");
                assertThat(row.getBoolean("requires_approval")).isTrue();
                assertThat(row.getObject("expires_at", java.time.OffsetDateTime.class).toInstant())
                        .isEqualTo(Instant.parse("2031-01-02T03:04:05.678Z"));
            }
        }
    }

    @Test
    void theFloorRefusesAHandoffWithoutItsRequiredFields() {
        // when
        PeerClient.Reply reply = client.post("/floor/handoffs", Map.of("toProfileId", "reviewer-agent"));

        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("error").asText()).contains("fromProfileId", "subject", "body");
    }

    @Test
    void camundasRestApiServesTheDefaultEngineWithThePeerProcessDeployed() {
        // when
        PeerClient.Reply engines = client.get("/engine-rest/engine");
        PeerClient.Reply definitions = client.get("/engine-rest/process-definition/count?key=peer_handoff");

        // then
        assertThat(engines.status()).isEqualTo(200);
        assertThat(engines.body().findValuesAsText("name")).containsExactly("default");
        assertThat(definitions.body().path("count").asInt()).isEqualTo(1);
    }

    @Test
    void anApprovedHandoffRunsToItsEndThroughCamundasRestApi() {
        // given a started instance
        String instance = startInstance(Instant.now().plus(Duration.ofDays(1)));

        // when its task is completed and both messages arrive
        JsonNode tasks = client.get("/engine-rest/task?processInstanceId=" + instance).body();
        assertThat(tasks.findValuesAsText("taskDefinitionKey")).containsExactly("decide");
        PeerClient.Reply completion = client.post("/engine-rest/task/" + tasks.get(0).path("id").asText()
                + "/complete", Map.of("variables", Map.of("decision", variable("approve", "String"),
                "approvedBy", variable("user", "String"))));
        PeerClient.Reply started = client.post("/engine-rest/message",
                Map.of("messageName", "HandoffStarted", "processInstanceId", instance));
        PeerClient.Reply completed = client.post("/engine-rest/message",
                Map.of("messageName", "HandoffCompleted", "processInstanceId", instance));

        // then the instance has ended at "completed"
        assertThat(completion.status()).isEqualTo(204);
        assertThat(started.status()).isEqualTo(204);
        assertThat(completed.status()).isEqualTo(204);
        assertThat(client.get("/engine-rest/process-instance/" + instance).status()).isEqualTo(404);
        assertThat(client.get("/engine-rest/history/process-instance/" + instance).body().path("state").asText())
                .isEqualTo("COMPLETED");
        assertThat(endedAt(instance, "completed")).isTrue();
    }

    @Test
    void anUndecidedHandoffExpiresOnItsOwnWhenItsTimerIsDue() throws InterruptedException {
        // given an instance whose expiry timer is due in a second
        String instance = startInstance(Instant.now().plusSeconds(1));

        // when nobody decides: the job executor fires the timer
        Instant deadline = Instant.now().plus(TIMER_DEADLINE);
        while (!endedAt(instance, "expired") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }

        // then the instance has ended at "expired"
        assertThat(endedAt(instance, "expired")).as("ended at 'expired' within %s", TIMER_DEADLINE).isTrue();
        assertThat(client.get("/engine-rest/history/process-instance/" + instance).body().path("state").asText())
                .isEqualTo("COMPLETED");
        assertThat(client.get("/engine-rest/task?processInstanceId=" + instance).body()).isEmpty();
    }

    @Test
    void theEngineFloorMovesThePeersProcessThroughItsWholeLifecycle() {
        // given Handoff's own create body
        Map<String, Object> body = Map.of("fromProfileId", "analyst-agent", "toProfileId", "reviewer-agent",
                "subject", "Q4 revenue analysis ready for review", "body", "Please verify the methodology.",
                "requiresApproval", true, "expiresAt", "2031-01-02T03:04:05.678Z");

        // when it is created, it waits for its decision with the expiry timer
        PeerClient.Reply created = client.post("/engine-floor/handoffs", body);
        assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
        String instance = created.body().path("id").asText();
        JsonNode tasks = client.get("/engine-rest/task?processInstanceId=" + instance).body();
        assertThat(tasks.findValuesAsText("taskDefinitionKey")).containsExactly("decide");
        JsonNode timers = client.get("/engine-rest/job?timers=true&processInstanceId=" + instance).body();
        assertThat(timers.findValuesAsText("dueDate")).singleElement()
                .extracting(due -> CAMUNDA_DATE.parse(due, Instant::from))
                .isEqualTo(Instant.parse("2031-01-02T03:04:05.678Z"));

        // and is approved, started and completed
        int approved = client.post("/engine-floor/handoffs/" + instance + "/approve", Map.of()).status();
        int started = client.post("/engine-floor/handoffs/" + instance + "/start", Map.of()).status();
        int completed = client.post("/engine-floor/handoffs/" + instance + "/complete", Map.of()).status();

        // then its process has ended at "completed"
        assertThat(List.of(approved, started, completed)).containsOnly(204);
        assertThat(client.get("/engine-rest/process-instance/" + instance).status()).isEqualTo(404);
        assertThat(endedAt(instance, "completed")).isTrue();
    }

    @Test
    void theEngineFloorRefusesWhatItsProcessDoesNotWaitFor() {
        // given an instance waiting for its decision
        PeerClient.Reply created = client.post("/engine-floor/handoffs", Map.of("fromProfileId", "analyst-agent",
                "toProfileId", "reviewer-agent", "subject", "s", "body", "b"));
        String instance = created.body().path("id").asText();

        // when it is completed before it was approved, or approved twice
        PeerClient.Reply early = client.post("/engine-floor/handoffs/" + instance + "/complete", Map.of());
        client.post("/engine-floor/handoffs/" + instance + "/approve", Map.of());
        PeerClient.Reply twice = client.post("/engine-floor/handoffs/" + instance + "/approve", Map.of());

        // then both are refused, and a body without the required fields too
        assertThat(early.status()).isEqualTo(409);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(client.post("/engine-floor/handoffs", Map.of("toProfileId", "reviewer-agent")).status())
                .isEqualTo(400);
    }

    @Test
    void aRestartKeepsTheSchemaTheDeploymentAndTheWaitingInstances() {
        // given a waiting instance
        String instance = startInstance(Instant.now().plus(Duration.ofDays(1)));

        // when the peer restarts on the same database
        restart();

        // then nothing was created twice and the instance still waits for its decision
        assertThat(client.get("/engine-rest/process-definition/count?key=peer_handoff").body().path("count").asInt())
                .isEqualTo(1);
        assertThat(client.get("/engine-rest/task?processInstanceId=" + instance).body()
                .findValuesAsText("taskDefinitionKey")).containsExactly("decide");
        assertThat(client.get("/floor/health").status()).isEqualTo(200);
    }

    String startInstance(Instant expiresAt) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("fromProfileId", variable("analyst-agent", "String"));
        variables.put("toProfileId", variable("reviewer-agent", "String"));
        variables.put("fromTaskId", variable("task-9d4e-a1b2", "String"));
        variables.put("subject", variable("Q4 revenue analysis ready for review", "String"));
        variables.put("body", variable("Please verify the methodology.", "String"));
        variables.put("requiresApproval", variable(true, "Boolean"));
        variables.put("expiresAt", variable(CAMUNDA_DATE.format(expiresAt), "Date"));
        PeerClient.Reply started = client.post("/engine-rest/process-definition/key/peer_handoff/start",
                Map.of("businessKey", UUID.randomUUID().toString(), "variables", variables));
        assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
        return started.body().path("id").asText();
    }

    private boolean endedAt(String instance, String endEvent) {
        JsonNode ended = client.get("/engine-rest/history/activity-instance/count?processInstanceId=" + instance
                + "&activityId=" + endEvent).body();
        return ended.path("count").asInt() == 1;
    }

    private static Map<String, Object> variable(Object value, String type) {
        return Map.of("value", value, "type", type);
    }
}
