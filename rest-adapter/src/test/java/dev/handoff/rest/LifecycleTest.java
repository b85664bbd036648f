package dev.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.domain.model.HandoffEvent;
import dev.handoff.domain.model.HandoffId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handoff's life over HTTP: the state machine with its 409s, chains and their depth limit,
 * expiry, ETag/If-Match and idempotent retries, and the handoff state that travels with it.
 */
class LifecycleTest {

    private static final String HANDOFFS = "/api/handoffs";
    private static final String STATE = "/v1/ACCOUNT-acme/PROJECT-support/handoff_state";

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
    void an_approved_handoff_is_started_and_completed_by_its_recipient() {
        // given
        String id = aHandoff(true);

        // when
        RunningApi.Reply approved = move(id, "{\"action\":\"approve\",\"approvedBy\":\"supervisor\"}");
        api.world.clock.advance(Duration.ofMinutes(5));
        RunningApi.Reply started = move(id, "{\"action\":\"start\",\"targetTaskId\":\"task-7\"}");
        RunningApi.Reply completed = move(id, "{\"action\":\"complete\"}");

        // then
        assertThat(approved.json().get("status").asText()).isEqualTo("accepted");
        assertThat(started.json().get("status").asText()).isEqualTo("in_progress");
        assertThat(started.json().get("targetTaskId").asText()).isEqualTo("task-7");
        assertThat(started.json().get("respondedAt").asText()).isEqualTo("2026-04-03T10:45:00.000Z");
        JsonNode done = completed.json();
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("approvedBy").asText()).isEqualTo("supervisor");
        assertThat(done.get("targetTaskId").asText()).isEqualTo("task-7");
        assertThat(completed.header("ETag")).hasValue("\"4\"");
        assertThat(api.world.bus.events()).extracting(HandoffEvent::type).containsExactly(
                "handoff.created", "handoff.approved", "handoff.started", "handoff.completed");
        assertThat(api.world.process.signals()).hasSize(3);
    }

    @Test
    void a_handoff_without_approval_is_accepted_implicitly_when_its_recipient_starts() {
        // given
        String id = aHandoff(false);
        api.world.clock.advance(Duration.ofMinutes(3));

        // when
        RunningApi.Reply started = move(id, "{\"action\":\"start\"}");

        // then
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().get("status").asText()).isEqualTo("in_progress");
        assertThat(started.json().get("respondedAt").asText()).isEqualTo("2026-04-03T10:48:00.000Z");
        assertThat(started.json().has("approvedBy")).isFalse();
        assertThat(started.json().has("targetTaskId")).isFalse();
    }

    @ParameterizedTest(name = "{0} after {1} is a 409")
    @CsvSource({
            "approve, approve", "reject, approve", "approve, reject", "start, reject",
            "complete, reject", "start, ''", "complete, ''", "complete, approve"})
    void an_action_the_status_does_not_allow_is_a_conflict_and_changes_nothing(String action, String before) {
        // given
        String id = aHandoff(true);
        if (!before.isEmpty()) {
            move(id, "{\"action\":\"" + before + "\"}");
        }
        JsonNode unchanged = api.get(HANDOFFS + "/" + id).send().json();
        RunningApi.Written written = api.written();

        // when
        RunningApi.Reply refused = move(id, "{\"action\":\"" + action + "\"}");

        // then
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("https://handoff.dev/problems/conflict");
        assertThat(api.get(HANDOFFS + "/" + id).send().json()).isEqualTo(unchanged);
        assertThat(api.written()).isEqualTo(written);
    }

    @Test
    void a_reply_to_a_handoff_joins_its_chain_one_level_deeper() {
        // given
        String root = aHandoff(false);

        // when
        RunningApi.Reply child = api.post(HANDOFFS, body("\"parentMessageId\":\"" + root + "\"")).send();
        String childId = child.json().get("id").asText();
        RunningApi.Reply grandchild = api.post(HANDOFFS, body("\"parentMessageId\":\"" + childId + "\"")).send();

        // then
        assertThat(child.status()).isEqualTo(201);
        assertThat(child.json().get("parentMessageId").asText()).isEqualTo(root);
        assertThat(child.json().get("chainDepth").intValue()).isEqualTo(1);
        assertThat(grandchild.json().get("chainDepth").intValue()).isEqualTo(2);
    }

    @Test
    void a_chain_deeper_than_ten_is_refused_naming_the_parent() {
        // given
        String parent = aHandoff(false);
        for (int depth = 1; depth <= 10; depth++) {
            parent = api.post(HANDOFFS, body("\"parentMessageId\":\"" + parent + "\"")).send().json().get("id").asText();
        }
        RunningApi.Written written = api.written();

        // when
        RunningApi.Reply refused = api.post(HANDOFFS, body("\"parentMessageId\":\"" + parent + "\"")).send();

        // then
        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("parentMessageId");
        assertThat(error.get("message").asText()).contains("maximum depth of 10");
        assertThat(api.written()).isEqualTo(written);
    }

    @Test
    void an_expired_handoff_can_no_longer_be_approved() {
        // given
        String id = api.post(HANDOFFS, body("\"requiresApproval\":true,\"expiresAt\":\"2026-04-03T13:45:00+02:00\""))
                .send().json().get("id").asText();
        api.world.clock.advance(Duration.ofHours(1));
        api.world.application.expireHandoff().expire(RunningApi.TENANT, new HandoffId(UUID.fromString(id)));

        // when
        RunningApi.Reply read = api.get(HANDOFFS + "/" + id).send();
        RunningApi.Reply approve = move(id, "{\"action\":\"approve\"}");

        // then
        assertThat(read.json().get("status").asText()).isEqualTo("expired");
        assertThat(read.json().get("expiresAt").asText()).isEqualTo("2026-04-03T11:45:00.000Z");
        assertThat(read.json().has("respondedAt")).isFalse();
        assertThat(approve.status()).isEqualTo(409);
        assertThat(api.get(HANDOFFS + "?status=expired").send().json()).hasSize(1);
    }

    @Test
    void a_patch_with_the_current_etag_succeeds_and_one_with_a_stale_etag_is_refused() {
        // given
        String id = aHandoff(true);
        String etag = api.get(HANDOFFS + "/" + id).send().header("ETag").orElseThrow();

        // when
        RunningApi.Reply approved = move(id, "{\"action\":\"approve\"}", etag);
        RunningApi.Reply stale = move(id, "{\"action\":\"start\"}", etag);
        RunningApi.Reply anyVersion = move(id, "{\"action\":\"start\"}", "*");

        // then
        assertThat(etag).isEqualTo("\"1\"");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.header("ETag")).hasValue("\"2\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("type").asText()).isEqualTo("https://handoff.dev/problems/stale-version");
        assertThat(anyVersion.status()).isEqualTo(200);
        assertThat(anyVersion.json().get("status").asText()).isEqualTo("in_progress");
    }

    @Test
    void a_retried_create_returns_the_first_handoff_and_creates_no_second() {
        // given
        RunningApi.Reply first = api.post(HANDOFFS, body("\"priority\":1")).header("Idempotency-Key", "order-42").send();
        RunningApi.Written written = api.written();

        // when
        RunningApi.Reply retry = api.post(HANDOFFS, body("\"priority\":1")).header("Idempotency-Key", "order-42").send();

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(api.written()).isEqualTo(written);
    }

    @Test
    void an_idempotency_key_reused_for_another_request_is_refused() {
        // given
        api.post(HANDOFFS, body("\"priority\":1")).header("Idempotency-Key", "order-43").send();
        RunningApi.Written written = api.written();

        // when
        RunningApi.Reply reused = api.post(HANDOFFS, body("\"priority\":0")).header("Idempotency-Key", "order-43").send();
        RunningApi.Reply otherKey = api.post(HANDOFFS, body("\"priority\":0")).header("Idempotency-Key", "order-44").send();

        // then
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asText()).isEqualTo("https://handoff.dev/problems/idempotency-key-reused");
        assertThat(otherKey.status()).isEqualTo(201);
        assertThat(api.written().handoffs()).isEqualTo(written.handoffs() + 1);
    }

    @Test
    void an_idempotency_key_is_forgotten_after_24_hours() {
        // given
        String first = api.post(HANDOFFS, VALID).header("Idempotency-Key", "daily").send().json().get("id").asText();
        api.world.clock.advance(Duration.ofHours(24).plusMillis(1));

        // when
        RunningApi.Reply later = api.post(HANDOFFS, VALID).header("Idempotency-Key", "daily").send();

        // then
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isEmpty();
        assertThat(later.json().get("id").asText()).isNotEqualTo(first);
    }

    @Test
    void the_list_is_newest_first_and_holds_at_most_100_handoffs() {
        // given
        IntStream.range(0, 105).forEach(i -> {
            api.post(HANDOFFS, body("\"subject\":\"number " + i + "\"").replace("\"subject\":\"s\",", "")).send();
            api.world.clock.advance(Duration.ofSeconds(1));
        });

        // when
        JsonNode listed = api.get(HANDOFFS).send().json();

        // then
        assertThat(listed).hasSize(100);
        assertThat(listed.get(0).get("subject").asText()).isEqualTo("number 104");
        assertThat(listed.get(99).get("subject").asText()).isEqualTo("number 5");
    }

    @Test
    void the_list_filters_by_status_and_recipient() {
        // given
        String accepted = aHandoff(true);
        move(accepted, "{\"action\":\"approve\"}");
        aHandoff(true);
        api.post(HANDOFFS, VALID.replace("reviewer-agent", "writer-agent")).send();

        // when
        JsonNode byStatus = api.get(HANDOFFS + "?status=accepted").send().json();
        JsonNode byRecipient = api.get(HANDOFFS + "?profileId=writer-agent").send().json();
        JsonNode byBoth = api.get(HANDOFFS + "?status=pending&profileId=reviewer-agent").send().json();

        // then
        assertThat(SeedReplayTest.ids(byStatus)).containsExactly(accepted);
        assertThat(byRecipient).hasSize(1);
        assertThat(byRecipient.get(0).get("toProfileId").asText()).isEqualTo("writer-agent");
        assertThat(byBoth).hasSize(1);
    }

    @Test
    void attachments_come_back_exactly_as_sent() {
        // given
        String attachments = "[ {\"name\" : \"chart.png\", \"size\": 1.50e3},\\n {\"name\":\"é\"} ]";

        // when
        RunningApi.Reply created = api.post(HANDOFFS, body("\"attachments\":\"" + attachments.replace("\"", "\\\"") + "\""))
                .send();

        // then
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("attachments").asText())
                .isEqualTo("[ {\"name\" : \"chart.png\", \"size\": 1.50e3},\n {\"name\":\"é\"} ]");
    }

    @Test
    void a_handoff_created_with_conversation_data_stores_its_handoff_state() {
        // given
        String request = body("\"conversationId\":\"CONV-77\",\"sharedId\":\"crm-77\","
                + "\"data\":{\"customer\":\"C-1\",\"amount\":10.50,\"tags\":[\"vip\"]}");

        // when
        RunningApi.Reply created = api.post(HANDOFFS, request).send();
        RunningApi.Reply byShared = api.get(STATE + "?shared_id=crm-77").send();
        RunningApi.Reply byId = api.get(STATE + "?id=CONV-77").send();

        // then
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().has("data")).isFalse();
        assertThat(byShared.body()).isEqualTo("{\"id\":\"CONV-77\",\"shared_id\":\"crm-77\","
                + "\"data\":{\"customer\":\"C-1\",\"amount\":10.50,\"tags\":[\"vip\"]}}");
        assertThat(byId.body()).isEqualTo(byShared.body());
    }

    @Test
    void a_later_state_write_for_a_conversation_replaces_what_readers_get() {
        // given
        RunningApi.Reply first = api.post(STATE, "{\"id\":\"CONV-5\",\"data\":{\"step\":1}}").send();

        // when
        RunningApi.Reply second = api.post(STATE, "{\"id\":\"CONV-5\",\"shared_id\":\"crm-5\",\"data\":{\"step\":2}}")
                .send();
        RunningApi.Reply read = api.get(STATE + "?id=CONV-5").send();

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).isEqualTo("{\"id\":\"CONV-5\",\"data\":{\"step\":1}}");
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(STATE + "?id=CONV-5"));
        assertThat(read.body()).isEqualTo("{\"id\":\"CONV-5\",\"shared_id\":\"crm-5\",\"data\":{\"step\":2}}");
    }

    private static final String VALID = """
            {"fromProfileId":"analyst-agent","toProfileId":"reviewer-agent","subject":"s","body":"b"}""";

    /** A valid create body with more fields. */
    private static String body(String moreFields) {
        return "{" + moreFields + "," + VALID.substring(1);
    }

    private String aHandoff(boolean requiresApproval) {
        return api.post(HANDOFFS, body("\"requiresApproval\":" + requiresApproval)).send().json().get("id").asText();
    }

    private RunningApi.Reply move(String id, String action) {
        return api.patch(HANDOFFS + "/" + id, action).send();
    }

    private RunningApi.Reply move(String id, String action, String ifMatch) {
        return api.patch(HANDOFFS + "/" + id, action).header("If-Match", ifMatch).send();
    }
}
