package dev.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.model.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example request of the two seed documents, sent with its body exactly as the seed writes
 * it, answers with the documented status and response shape.
 */
class SeedReplayTest {

    /** The quick start's create, as JSON.stringify writes the seed's object literal. */
    static final String QUICK_START_CREATE = """
            {"fromProfileId":"analyst-agent","toProfileId":"reviewer-agent","sourceTaskId":"task-9d4e-a1b2",\
            "subject":"Q4 revenue analysis ready for review","body":"Analysis is complete with 3 charts and an \
            executive summary. Please verify the methodology and sign off.","priority":1,"requiresApproval":true}""";

    /** "Send a handoff requesting approval". */
    static final String APPROVAL_CREATE = """
            {"fromProfileId":"analyst-agent","toProfileId":"reviewer-agent","sourceTaskId":"task-9d4e-a1b2",\
            "subject":"Analysis complete — ready for review","body":"Q4 revenue analysis is done. 3 charts generated, \
            executive summary attached. Please review methodology before sign-off.","priority":1,\
            "requiresApproval":true}""";

    static final String APPROVE = """
            {"action":"approve","approvedBy":"sehgal.manav@gmail.com"}""";

    static final String REJECT = """
            {"action":"reject","approvedBy":"reviewer-agent"}""";

    /** The fields of the seed's example response to "List Handoffs" (a pending handoff with a task). */
    static final Set<String> PENDING_FIELDS = Set.of("id", "fromProfileId", "toProfileId", "taskId", "subject",
            "body", "priority", "status", "requiresApproval", "chainDepth", "createdAt", "expiresAt");

    private RunningApi api;

    @BeforeEach
    void start() {
        api = RunningApi.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void the_quick_start_create_answers_201_with_a_pending_handoff_awaiting_approval() {
        // when
        RunningApi.Reply created = api.post("/api/handoffs", QUICK_START_CREATE).send();

        // then
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        JsonNode handoff = created.json();
        assertThat(fieldNames(handoff)).isEqualTo(PENDING_FIELDS);
        assertThat(handoff.get("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(handoff.get("status").asText()).isEqualTo("pending");
        assertThat(handoff.get("requiresApproval").isBoolean()).isTrue();
        assertThat(handoff.get("requiresApproval").booleanValue()).isTrue();
        assertThat(handoff.get("toProfileId").asText()).isEqualTo("reviewer-agent");
        assertThat(handoff.get("taskId").asText()).isEqualTo("task-9d4e-a1b2");
        assertThat(handoff.get("priority").isInt()).isTrue();
        assertThat(handoff.get("priority").intValue()).isEqualTo(1);
        assertThat(handoff.get("chainDepth").intValue()).isZero();
        assertThat(handoff.get("createdAt").asText()).isEqualTo("2026-04-03T10:45:00.000Z");
        assertThat(handoff.get("expiresAt").asText()).isEqualTo("2026-04-04T10:45:00.000Z");
        assertThat(created.header("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/handoffs/" + handoff.get("id").asText()));
        assertThat(created.header("ETag")).hasValue("\"1\"");
    }

    @Test
    void the_quick_start_list_returns_the_pending_handoffs_of_the_reviewer_as_the_seed_shows_them() {
        // given
        String first = api.post("/api/handoffs", QUICK_START_CREATE).send().json().get("id").asText();
        api.world.clock.advance(Duration.ofMinutes(1));
        String second = api.post("/api/handoffs", APPROVAL_CREATE).send().json().get("id").asText();
        api.post("/api/handoffs", QUICK_START_CREATE.replace("reviewer-agent", "another-agent")).send();

        // when
        RunningApi.Reply listed = api.get("/api/handoffs?status=pending&profileId=reviewer-agent").send();

        // then
        assertThat(listed.status()).isEqualTo(200);
        JsonNode handoffs = listed.json();
        assertThat(handoffs.isArray()).isTrue();
        assertThat(ids(handoffs)).containsExactly(second, first); // newest first
        JsonNode example = handoffs.get(1);
        assertThat(fieldNames(example)).isEqualTo(PENDING_FIELDS);
        assertThat(example.get("fromProfileId").asText()).isEqualTo("analyst-agent");
        assertThat(example.get("subject").asText()).isEqualTo("Q4 revenue analysis ready for review");
        assertThat(example.get("body").asText()).isEqualTo("Analysis is complete with 3 charts and an executive "
                + "summary. Please verify the methodology and sign off.");
        assertThat(example.get("createdAt").asText()).isEqualTo("2026-04-03T10:45:00.000Z");
        assertThat(example.get("expiresAt").asText()).isEqualTo("2026-04-04T10:45:00.000Z");
    }

    @Test
    void the_approval_create_answers_201_with_the_example_response() {
        // when
        RunningApi.Reply created = api.post("/api/handoffs", APPROVAL_CREATE).send();

        // then
        assertThat(created.status()).isEqualTo(201);
        JsonNode handoff = created.json();
        assertThat(handoff.get("fromProfileId").asText()).isEqualTo("analyst-agent");
        assertThat(handoff.get("toProfileId").asText()).isEqualTo("reviewer-agent");
        assertThat(handoff.get("taskId").asText()).isEqualTo("task-9d4e-a1b2");
        assertThat(handoff.get("subject").asText()).isEqualTo("Analysis complete — ready for review");
        assertThat(handoff.get("body").asText()).isEqualTo("Q4 revenue analysis is done. 3 charts generated, "
                + "executive summary attached. Please review methodology before sign-off.");
        assertThat(handoff.get("priority").intValue()).isEqualTo(1);
        assertThat(handoff.get("status").asText()).isEqualTo("pending");
        assertThat(handoff.get("requiresApproval").booleanValue()).isTrue();
        assertThat(handoff.get("chainDepth").intValue()).isZero();
        assertThat(handoff.get("createdAt").asText()).isEqualTo("2026-04-03T10:45:00.000Z");
        assertThat(handoff.has("approvedBy")).isFalse();
        assertThat(handoff.has("respondedAt")).isFalse();
    }

    @Test
    void approving_as_the_seed_shows_answers_200_with_the_approver_and_the_response_time() {
        // given
        String id = api.post("/api/handoffs", APPROVAL_CREATE).send().json().get("id").asText();
        api.world.clock.advance(Duration.ofMinutes(17));

        // when
        RunningApi.Reply approved = api.patch("/api/handoffs/" + id, APPROVE).send();

        // then
        assertThat(approved.status()).isEqualTo(200);
        JsonNode handoff = approved.json();
        assertThat(handoff.get("id").asText()).isEqualTo(id);
        assertThat(handoff.get("status").asText()).isEqualTo("accepted");
        assertThat(handoff.get("approvedBy").asText()).isEqualTo("sehgal.manav@gmail.com");
        assertThat(handoff.get("requiresApproval").booleanValue()).isTrue();
        assertThat(handoff.get("chainDepth").intValue()).isZero();
        assertThat(handoff.get("createdAt").asText()).isEqualTo("2026-04-03T10:45:00.000Z");
        assertThat(handoff.get("respondedAt").asText()).isEqualTo("2026-04-03T11:02:00.000Z");
        assertThat(approved.header("ETag")).hasValue("\"2\"");
    }

    @Test
    void getting_an_approved_handoff_returns_the_seeds_full_message_object() {
        // given
        String id = api.post("/api/handoffs", APPROVAL_CREATE).send().json().get("id").asText();
        api.world.clock.advance(Duration.ofMinutes(17));
        api.patch("/api/handoffs/" + id, """
                {"action":"approve","approvedBy":"reviewer-agent"}""").send();

        // when
        RunningApi.Reply fetched = api.get("/api/handoffs/" + id).send();

        // then
        assertThat(fetched.status()).isEqualTo(200);
        JsonNode handoff = fetched.json();
        assertThat(fieldNames(handoff)).isEqualTo(Set.of("id", "fromProfileId", "toProfileId", "taskId", "subject",
                "body", "priority", "status", "requiresApproval", "approvedBy", "chainDepth", "createdAt",
                "respondedAt", "expiresAt"));
        assertThat(handoff.get("status").asText()).isEqualTo("accepted");
        assertThat(handoff.get("approvedBy").asText()).isEqualTo("reviewer-agent");
        assertThat(handoff.get("respondedAt").asText()).isEqualTo("2026-04-03T11:02:00.000Z");
        assertThat(fetched.header("ETag")).hasValue("\"2\"");
    }

    @Test
    void rejecting_as_the_seed_shows_answers_200_with_a_rejected_handoff() {
        // given
        String id = api.post("/api/handoffs", APPROVAL_CREATE).send().json().get("id").asText();

        // when
        RunningApi.Reply rejected = api.patch("/api/handoffs/" + id, REJECT).send();

        // then
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("status").asText()).isEqualTo("rejected");
        assertThat(rejected.json().get("approvedBy").asText()).isEqualTo("reviewer-agent");
        assertThat(rejected.json().get("respondedAt").asText()).isEqualTo("2026-04-03T10:45:00.000Z");
    }

    @Test
    void approving_without_an_approver_records_the_seeds_default_user() {
        // given
        String id = api.post("/api/handoffs", APPROVAL_CREATE).send().json().get("id").asText();

        // when
        RunningApi.Reply approved = api.patch("/api/handoffs/" + id, """
                {"action":"approve"}""").send();

        // then
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("approvedBy").asText()).isEqualTo("user");
    }

    @Test
    void a_create_without_the_optional_fields_gets_the_seeds_defaults() {
        // when
        RunningApi.Reply created = api.post("/api/handoffs", """
                {"fromProfileId":"analyst-agent","toProfileId":"reviewer-agent","subject":"s","body":"b"}""").send();

        // then
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("priority").intValue()).isEqualTo(2);
        assertThat(created.json().get("requiresApproval").booleanValue()).isFalse();
        assertThat(created.json().has("taskId")).isFalse();
    }

    @Test
    void the_handoff_state_example_returns_the_stored_state_of_the_conversation() {
        // given
        Tenant tenant = new Tenant("ACCOUNT-xxx", "PROJECT-xxx");
        String key = api.issueKey(tenant, RunningApi.REGION, EnumSet.of(Scope.STATE_READ, Scope.STATE_WRITE));
        String data = "{\"customer_id\":\"C-42\",\"reason\":\"billing dispute\",\"queue\":\"tier-2\","
                + "\"verified\":true,\"amount\":1250.10,\"tags\":[\"vip\",null]}";
        api.post("/v1/ACCOUNT-xxx/PROJECT-xxx/handoff_state", "{\"id\":\"CONV-1234567890\",\"data\":" + data + "}")
                .header(ApiKeyFilter.HEADER, key).send();

        // when (the seed's curl example)
        RunningApi.Reply read = api.get("/v1/ACCOUNT-xxx/PROJECT-xxx/handoff_state?id=CONV-1234567890")
                .header(ApiKeyFilter.HEADER, key).send();

        // then
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.body()).isEqualTo("{\"id\":\"CONV-1234567890\",\"data\":" + data + "}");
        assertThat(fieldNames(read.json())).isEqualTo(Set.of("id", "data")); // no shared_id was stored
    }

    @Test
    void the_handoff_state_can_be_read_by_shared_id_which_wins_over_id() {
        // given
        api.post("/v1/ACCOUNT-acme/PROJECT-support/handoff_state", """
                {"id":"CONV-1","shared_id":"crm-77","data":{"n":1}}""").send();
        api.post("/v1/ACCOUNT-acme/PROJECT-support/handoff_state", """
                {"id":"CONV-2","data":{"n":2}}""").send();

        // when
        RunningApi.Reply read = api.get("/v1/ACCOUNT-acme/PROJECT-support/handoff_state?id=CONV-2&shared_id=crm-77")
                .send();

        // then
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{\"id\":\"CONV-1\",\"shared_id\":\"crm-77\",\"data\":{\"n\":1}}");
    }

    static Set<String> fieldNames(JsonNode object) {
        return Set.copyOf(iterable(object.fieldNames()));
    }

    static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(handoff -> handoff.get("id").asText()).toList();
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new java.util.ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
