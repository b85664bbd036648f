package dev.handoff.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product as a newcomer meets it: {@code bin/handoff serve} on an empty data directory, a key
 * from {@code bin/handoff keys create} (through the running server), then the seed's journeys over HTTP.
 */
class HandoffJourneysTest {

    @TempDir
    static Path workspace;

    private static final Map<String, String> SETTINGS = Map.of("HANDOFF_CHAIN_MAX_DEPTH", "2");

    private static Path dataDir;
    private static ServerProcess server;
    private static Api api;

    @BeforeAll
    static void serve_on_an_empty_data_directory_and_make_a_key() {
        dataDir = ServerProcess.newDataDir(workspace, "data");
        server = ServerProcess.serve(dataDir, SETTINGS);
        api = new Api(server.baseUrl(), Keys.create(dataDir, SETTINGS, "ACCOUNT-1", "PROJECT-1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_new_data_directory_says_how_to_make_a_key() {
        assertThat(server.output()).anyMatch(line -> line.contains("bin/handoff keys create"));
    }

    @Test
    void the_seeds_quick_start_works_as_written() {
        // 1. Create a handoff — analyst delegates review to a reviewer agent
        Api.Reply created = api.post("/api/handoffs", """
                {
                  "fromProfileId": "analyst-agent",
                  "toProfileId": "reviewer-agent",
                  "sourceTaskId": "task-9d4e-a1b2",
                  "subject": "Q4 revenue analysis ready for review",
                  "body": "Analysis is complete with 3 charts and an executive summary. Please verify the methodology and sign off.",
                  "priority": 1,
                  "requiresApproval": true
                }""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.field("status")).isEqualTo("pending");
        assertThat(created.field("taskId")).isEqualTo("task-9d4e-a1b2");
        assertThat(created.json().get("requiresApproval").asBoolean()).isTrue();
        assertThat(created.json().get("chainDepth").asInt()).isZero();
        String id = created.field("id");

        // 2. List all pending handoffs for the reviewer
        Api.Reply pending = api.get("/api/handoffs?status=pending&profileId=reviewer-agent");
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.json().findValuesAsText("id")).contains(id);

        // 3. The reviewer approves, starts and completes it
        Api.Reply approved = api.patch("/api/handoffs/" + id,
                "{\"action\": \"approve\", \"approvedBy\": \"reviewer@example.com\"}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.field("status")).isEqualTo("accepted");
        assertThat(approved.field("approvedBy")).isEqualTo("reviewer@example.com");
        assertThat(api.patch("/api/handoffs/" + id, "{\"action\": \"start\", \"targetTaskId\": \"task-77\"}")
                .field("status")).isEqualTo("in_progress");
        Api.Reply completed = api.patch("/api/handoffs/" + id, "{\"action\": \"complete\"}");
        assertThat(completed.field("status")).isEqualTo("completed");
        assertThat(completed.field("targetTaskId")).isEqualTo("task-77");
        assertThat(api.get("/api/handoffs/" + id).field("respondedAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*\\.\\d{3}Z");
    }

    @Test
    void a_rejected_handoff_cannot_be_approved_afterwards() {
        // given
        String id = api.create("{\"requiresApproval\": true}");

        // when
        Api.Reply rejected = api.patch("/api/handoffs/" + id, "{\"action\": \"reject\", \"approvedBy\": \"reviewer-agent\"}");
        Api.Reply lateApproval = api.patch("/api/handoffs/" + id, "{\"action\": \"approve\"}");

        // then
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.field("status")).isEqualTo("rejected");
        assertThat(lateApproval.status()).isEqualTo(409);
        assertThat(lateApproval.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(api.get("/api/handoffs/" + id).field("status")).isEqualTo("rejected");
    }

    @Test
    void without_an_approval_gate_the_recipient_starts_and_completes_directly() {
        // given
        String id = api.create("{}");

        // when
        Api.Reply started = api.patch("/api/handoffs/" + id, "{\"action\": \"start\"}");
        Api.Reply completed = api.patch("/api/handoffs/" + id, "{\"action\": \"complete\"}");

        // then
        assertThat(started.field("status")).isEqualTo("in_progress");
        assertThat(started.field("respondedAt")).isNotNull();
        assertThat(completed.field("status")).isEqualTo("completed");
    }

    @Test
    void the_engines_job_executor_expires_a_handoff_at_its_expiry() {
        // given
        Instant expiresAt = Instant.now().plusSeconds(2);
        String id = api.create("{\"requiresApproval\": true, \"expiresAt\": \"" + expiresAt + "\"}");

        // when
        String status = api.awaitStatus(id, "expired", Duration.ofSeconds(45));

        // then
        assertThat(status).isEqualTo("expired");
        assertThat(api.patch("/api/handoffs/" + id, "{\"action\": \"approve\"}").status()).isEqualTo(409);
    }

    @Test
    void chains_deepen_one_level_per_delegation_up_to_the_configured_maximum() {
        // given
        String root = api.create("{}");
        String child = api.create("{\"parentMessageId\": \"" + root + "\"}");
        String grandchild = api.create("{\"parentMessageId\": \"" + child + "\"}");

        // when
        Api.Reply tooDeep = api.post("/api/handoffs", Api.seedBody("{\"parentMessageId\": \"" + grandchild + "\"}"));

        // then
        assertThat(api.get("/api/handoffs/" + grandchild).json().get("chainDepth").asInt()).isEqualTo(2);
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.body()).contains("parentMessageId").contains("maximum depth of 2");
    }

    @Test
    void handoff_state_is_written_by_the_agent_and_read_by_the_desktop_with_scoped_keys() {
        // given
        Api agent = new Api(server.baseUrl(),
                Keys.create(dataDir, SETTINGS, "ACCOUNT-1", "PROJECT-1", "handoff_state:write"));
        Api desktop = new Api(server.baseUrl(),
                Keys.create(dataDir, SETTINGS, "ACCOUNT-1", "PROJECT-1", "handoff_state:read"));
        Api otherProject = new Api(server.baseUrl(), Keys.create(dataDir, SETTINGS, "ACCOUNT-1", "PROJECT-2"));
        String path = "/v1/ACCOUNT-1/PROJECT-1/handoff_state";

        // when
        Api.Reply stored = agent.post(path,
                "{\"id\": \"CONV-1234567890\", \"shared_id\": \"crm-42\", \"data\": {\"reason\": \"billing\", \"tier\": 2}}");

        // then
        assertThat(stored.status()).isEqualTo(201);
        JsonNode byId = desktop.get(path + "?id=CONV-1234567890").json();
        assertThat(byId.get("shared_id").asText()).isEqualTo("crm-42");
        assertThat(byId.get("data").get("reason").asText()).isEqualTo("billing");
        assertThat(desktop.get(path + "?shared_id=crm-42").json().get("id").asText()).isEqualTo("CONV-1234567890");
        assertThat(desktop.post(path, "{\"id\": \"CONV-2\", \"data\": {}}").status()).isEqualTo(403);
        assertThat(otherProject.get(path + "?id=CONV-1234567890").status()).isEqualTo(403);
        assertThat(new Api(server.baseUrl(), null).get(path + "?id=CONV-1234567890").status()).isEqualTo(401);
    }

    @Test
    void a_java_http_client_with_its_defaults_asking_for_http2_is_answered() throws Exception {
        // given: Java's HttpClient offers an HTTP/2 upgrade on every plain-HTTP request, bodies included
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();

        // when
        java.net.http.HttpResponse<String> created = client.send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(server.baseUrl() + "/api/handoffs"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("x-api-key", api.key())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.seedBody("{}")))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(created.statusCode()).isEqualTo(201);
    }

    @Test
    void a_malformed_percent_escape_is_a_400_problem_not_a_500() throws Exception {
        // given: a request target no URI class would build, so it goes over a raw socket
        String request = "GET /api/handoffs?status=%ZZ HTTP/1.1\r\nHost: localhost\r\nx-api-key: " + api.key()
                + "\r\nConnection: close\r\n\r\n";

        // when
        String response;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        // then
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("percent-escape");
    }

    @Test
    void health_needs_no_key_and_reports_the_database_and_the_engine() {
        // when
        Api.Reply health = new Api(server.baseUrl(), null).get("/health");

        // then
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/checks/database").asText()).isEqualTo("UP");
        assertThat(health.json().at("/checks/engine").asText()).isEqualTo("UP");
    }

    @Test
    void each_request_is_logged_in_one_line_without_keys_or_bodies() {
        // when
        api.get("/api/handoffs?status=pending");

        // then
        assertThat(server.output()).anyMatch(line -> line.matches(".*GET /api/handoffs 200 \\d+\\.\\d{3} ms"));
        assertThat(server.output()).noneMatch(line -> line.contains("hk_") || line.contains("fromProfileId"));
    }
}
