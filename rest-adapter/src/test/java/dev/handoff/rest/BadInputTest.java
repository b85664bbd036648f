package dev.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.domain.model.ApiKeyId;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.model.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table of bad requests: malformed JSON, wrong types, unknown and read-only fields, unknown
 * statuses and actions, oversized bodies, wrong content types, bad UUIDs and headers, missing,
 * foreign and under-scoped keys. Each is refused with the right 4xx as problem+json naming the
 * field at fault, never a 5xx, and writes nothing.
 */
class BadInputTest {

    private static final String HANDOFFS = "/api/handoffs";
    private static final String EXISTING = HANDOFFS + "/{existing}";
    private static final String FOREIGN = HANDOFFS + "/{foreign}";
    private static final String UNKNOWN = HANDOFFS + "/0190f5a4-7b3c-7d2e-9f10-1a2b3c4d5e6f";
    private static final String STATE = "/v1/ACCOUNT-acme/PROJECT-support/handoff_state";
    private static final String VALID = """
            {"fromProfileId":"analyst-agent","toProfileId":"reviewer-agent","subject":"s","body":"b"}""";

    /** Who sends the request. */
    enum Caller { FULL, NONE, BLANK, MALFORMED, UNKNOWN, REVOKED, OTHER_REGION, OTHER_TENANT, READ_ONLY,
        WRITE_ONLY, STATE_ONLY }

    private static RunningApi api;
    private static final Map<Caller, String> keys = new LinkedHashMap<>();
    private static final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        api = RunningApi.start();
        Tenant other = new Tenant("ACCOUNT-other", "PROJECT-support");
        keys.put(Caller.FULL, api.key);
        keys.put(Caller.BLANK, " ");
        keys.put(Caller.MALFORMED, "Bearer abc");
        keys.put(Caller.UNKNOWN, "hk_0123456789abcdef_" + "A".repeat(43));
        String revoked = api.issueKey(RunningApi.TENANT, RunningApi.REGION, EnumSet.allOf(Scope.class));
        api.world.application.manageApiKeys().revoke(new ApiKeyId(revoked.substring(3, 19)));
        keys.put(Caller.REVOKED, revoked);
        keys.put(Caller.OTHER_REGION, api.issueKey(RunningApi.TENANT, "eu-1", EnumSet.allOf(Scope.class)));
        keys.put(Caller.OTHER_TENANT, api.issueKey(other, RunningApi.REGION, EnumSet.allOf(Scope.class)));
        keys.put(Caller.READ_ONLY, api.issueKey(RunningApi.TENANT, RunningApi.REGION,
                EnumSet.of(Scope.HANDOFFS_READ, Scope.STATE_READ)));
        keys.put(Caller.WRITE_ONLY, api.issueKey(RunningApi.TENANT, RunningApi.REGION,
                EnumSet.of(Scope.HANDOFFS_WRITE, Scope.STATE_WRITE)));
        keys.put(Caller.STATE_ONLY, api.issueKey(RunningApi.TENANT, RunningApi.REGION,
                EnumSet.of(Scope.STATE_READ, Scope.STATE_WRITE)));
        ids.put("{existing}", api.post(HANDOFFS, VALID.replace("\"body\":\"b\"", "\"body\":\"b\",\"requiresApproval\":true"))
                .send().json().get("id").asText());
        ids.put("{foreign}", api.post(HANDOFFS, VALID).header(ApiKeyFilter.HEADER, keys.get(Caller.OTHER_TENANT))
                .send().json().get("id").asText());
        api.post(STATE, "{\"id\":\"CONV-1\",\"data\":{}}").send();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** One bad request and the refusal it must get. */
    record Bad(String name, String method, String path, Caller caller, Map<String, String> headers,
               String contentType, BodyPublisher body, int status, String field) {

        static Bad of(String name) {
            return new Bad(name, "GET", HANDOFFS, Caller.FULL, Map.of(), null, BodyPublishers.noBody(), 0, null);
        }

        Bad to(String method, String path) {
            return new Bad(name, method, path, caller, headers, contentType, body, status, field);
        }

        Bad json(String method, String path, String json) {
            return to(method, path).body("application/json", BodyPublishers.ofString(json));
        }

        Bad body(String type, BodyPublisher publisher) {
            return new Bad(name, method, path, caller, headers, type, publisher, status, field);
        }

        Bad by(Caller who) {
            return new Bad(name, method, path, who, headers, contentType, body, status, field);
        }

        Bad header(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Bad(name, method, path, caller, more, contentType, body, status, field);
        }

        Bad expect(int expectedStatus, String expectedField) {
            return new Bad(name, method, path, caller, headers, contentType, body, expectedStatus, expectedField);
        }

        Bad expect(int expectedStatus) {
            return expect(expectedStatus, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Bad create(String name, String json) {
        return Bad.of(name).json("POST", HANDOFFS, json);
    }

    /** The valid create body with one field added or replaced. */
    static Bad createWith(String name, String field, String jsonValue) {
        return create(name, "{\"" + field + "\":" + jsonValue + "," + VALID.substring(1));
    }

    static Bad patch(String name, String json) {
        return Bad.of(name).json("PATCH", EXISTING, json);
    }

    static Bad record(String name, String json) {
        return Bad.of(name).json("POST", STATE, json);
    }

    static Stream<Bad> badRequests() {
        String deep = "{\"a\":".repeat(300) + "1" + "}".repeat(300);
        return Stream.of(
                // malformed JSON
                create("unclosed object", "{").expect(400, "$"),
                create("missing value", "{\"subject\": }").expect(400, "$"),
                create("not JSON at all", "not json").expect(400, "$"),
                create("single quotes", "{'fromProfileId':'a'}").expect(400, "$"),
                create("two documents", VALID + " " + VALID).expect(400, "$"),
                create("duplicate key", "{\"subject\":\"a\"," + VALID.substring(1)).expect(400, "$"),
                create("comment", "// note\n" + VALID).expect(400, "$"),
                createWith("NaN", "priority", "NaN").expect(400, "$"),
                createWith("leading zero", "priority", "01").expect(400, "$"),
                createWith("trailing comma", "priority", "1,}").expect(400, "$"),
                create("array body", "[]").expect(400, "$"),
                create("string body", "\"handoff\"").expect(400, "$"),
                create("null body", "null").expect(400, "$"),
                create("empty body", "").expect(400, "$"),
                Bad.of("invalid UTF-8").to("POST", HANDOFFS).body("application/json",
                        BodyPublishers.ofByteArray(new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xff, '"', '}'}))
                        .expect(400, "$"),
                createWith("nesting deeper than 200", "data", deep).expect(400, "$"),
                // wrong types: no coercion
                createWith("priority as string", "priority", "\"1\"").expect(400, "priority"),
                createWith("priority with fraction", "priority", "1.5").expect(400, "priority"),
                createWith("priority as 1.0", "priority", "1.0").expect(400, "priority"),
                createWith("priority beyond int", "priority", "99999999999").expect(400, "priority"),
                createWith("priority above 3", "priority", "7").expect(400, "priority"),
                createWith("priority below 0", "priority", "-1").expect(400, "priority"),
                createWith("priority as boolean", "priority", "true").expect(400, "priority"),
                createWith("requiresApproval as string", "requiresApproval", "\"true\"").expect(400, "requiresApproval"),
                createWith("requiresApproval as number", "requiresApproval", "1").expect(400, "requiresApproval"),
                create("subject as number", "{\"fromProfileId\":\"a\",\"toProfileId\":\"b\",\"subject\":42,\"body\":\"b\"}")
                        .expect(400, "subject"),
                create("fromProfileId as array", "{\"fromProfileId\":[\"a\"],\"toProfileId\":\"b\",\"subject\":\"s\","
                        + "\"body\":\"b\"}").expect(400, "fromProfileId"),
                create("body as object", "{\"fromProfileId\":\"a\",\"toProfileId\":\"b\",\"subject\":\"s\","
                        + "\"body\":{\"text\":\"b\"}}").expect(400, "body"),
                createWith("attachments as object", "attachments", "{\"a\":1}").expect(400, "attachments"),
                createWith("attachments not JSON", "attachments", "\"{not json\"").expect(400, "attachments"),
                createWith("expiresAt in words", "expiresAt", "\"tomorrow\"").expect(400, "expiresAt"),
                createWith("expiresAt as epoch number", "expiresAt", "1775000000").expect(400, "expiresAt"),
                createWith("expiresAt without offset", "expiresAt", "\"2026-04-05T10:45:00\"").expect(400, "expiresAt"),
                createWith("expiresAt in the past", "expiresAt", "\"2020-01-01T00:00:00.000Z\"").expect(400, "expiresAt"),
                createWith("expiresAt past year 9999", "expiresAt", "\"+10000-01-01T00:00:00Z\"").expect(400, "expiresAt"),
                createWith("data as string", "data", "\"{}\"").expect(400, "data"),
                createWith("data as array", "data", "[1]").expect(400, "data"),
                createWith("data without conversationId", "data", "{\"a\":1}").expect(400, "conversationId"),
                createWith("conversationId without data", "conversationId", "\"CONV-9\"").expect(400, "data"),
                createWith("sharedId as number", "sharedId", "5").expect(400, "sharedId"),
                createWith("parentMessageId not a UUID", "parentMessageId", "\"hoff-c7a1-b3d4\"")
                        .expect(400, "parentMessageId"),
                createWith("parentMessageId unknown", "parentMessageId", "\"0190f5a4-7b3c-7d2e-9f10-1a2b3c4d5e6f\"")
                        .expect(400, "parentMessageId"),
                createWith("parentMessageId of another tenant", "parentMessageId", "\"{foreign}\"")
                        .expect(400, "parentMessageId"),
                createWith("NUL in a text", "sourceTaskId", "\"task\\u0000\"").expect(400, "sourceTaskId"),
                createWith("lone surrogate in a text", "sourceTaskId", "\"task\\ud800\"").expect(400, "sourceTaskId"),
                createWith("blank sourceTaskId", "sourceTaskId", "\"\"").expect(400, "sourceTaskId"),
                create("blank subject", "{\"fromProfileId\":\"a\",\"toProfileId\":\"b\",\"subject\":\"  \",\"body\":\"b\"}")
                        .expect(400, "subject"),
                create("missing subject", "{\"fromProfileId\":\"a\",\"toProfileId\":\"b\",\"body\":\"b\"}")
                        .expect(400, "subject"),
                create("empty object", "{}").expect(400, "fromProfileId"),
                create("subject over 500 characters", "{\"fromProfileId\":\"a\",\"toProfileId\":\"b\",\"subject\":\""
                        + "s".repeat(501) + "\",\"body\":\"b\"}").expect(400, "subject"),
                createWith("sourceTaskId over 200 characters", "sourceTaskId", "\"" + "t".repeat(201) + "\"")
                        .expect(400, "sourceTaskId"),
                create("body over 100000 characters", "{\"fromProfileId\":\"a\",\"toProfileId\":\"b\",\"subject\":\"s\","
                        + "\"body\":\"" + "b".repeat(100_001) + "\"}").expect(400, "body"),
                // unknown and read-only fields
                createWith("unknown field", "colour", "\"blue\"").expect(400, "colour"),
                createWith("field in another case", "toprofileid", "\"x\"").expect(400, "toprofileid"),
                createWith("read-only id", "id", "\"0190f5a4-7b3c-7d2e-9f10-1a2b3c4d5e6f\"").expect(400, "id"),
                createWith("read-only status", "status", "\"accepted\"").expect(400, "status"),
                createWith("read-only chainDepth", "chainDepth", "0").expect(400, "chainDepth"),
                createWith("read-only createdAt", "createdAt", "\"2026-04-03T10:45:00.000Z\"").expect(400, "createdAt"),
                createWith("read-only respondedAt", "respondedAt", "\"2026-04-03T10:45:00.000Z\"")
                        .expect(400, "respondedAt"),
                createWith("read-only approvedBy", "approvedBy", "\"boss\"").expect(400, "approvedBy"),
                createWith("read-only taskId", "taskId", "\"task-1\"").expect(400, "taskId"),
                createWith("read-only targetTaskId", "targetTaskId", "\"task-2\"").expect(400, "targetTaskId"),
                createWith("read-only version", "version", "3").expect(400, "version"),
                // sizes
                createWith("body over the 1 MiB limit", "attachments", "\"" + "x".repeat(1_100_000) + "\"").expect(413),
                Bad.of("chunked body over the 1 MiB limit").to("POST", HANDOFFS).body("application/json",
                        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                                ("{\"subject\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8))))
                        .expect(413),
                createWith("oversized data without conversationId", "data", "{\"x\":\"" + "x".repeat(300_000) + "\"}")
                        .expect(400, "conversationId"),
                create("handoff state data over its limit with conversation", "{\"conversationId\":\"CONV-9\","
                        + "\"data\":{\"x\":\"" + "x".repeat(300_000) + "\"}," + VALID.substring(1)).expect(413, "data"),
                record("recorded state data over its limit", "{\"id\":\"CONV-9\",\"data\":{\"x\":\""
                        + "x".repeat(300_000) + "\"}}").expect(413, "data"),
                // content types
                Bad.of("text/plain create").to("POST", HANDOFFS).body("text/plain", BodyPublishers.ofString(VALID))
                        .expect(415),
                Bad.of("no content type").to("POST", HANDOFFS).body(null, BodyPublishers.ofString(VALID)).expect(415),
                Bad.of("XML create").to("POST", HANDOFFS).body("application/xml", BodyPublishers.ofString("<h/>"))
                        .expect(415),
                Bad.of("form create").to("POST", HANDOFFS)
                        .body("application/x-www-form-urlencoded", BodyPublishers.ofString("subject=s")).expect(415),
                Bad.of("text/plain patch").to("PATCH", EXISTING)
                        .body("text/plain", BodyPublishers.ofString("{\"action\":\"approve\"}")).expect(415),
                Bad.of("text/plain state").to("POST", STATE)
                        .body("text/plain", BodyPublishers.ofString("{\"id\":\"c\",\"data\":{}}")).expect(415),
                Bad.of("content type that does not parse").to("POST", HANDOFFS)
                        .body("json", BodyPublishers.ofString(VALID)).expect(400, "headers"),
                Bad.of("Accept that does not parse").header("Accept", ";;;").expect(400, "headers"),
                Bad.of("Accept that excludes JSON").header("Accept", "text/html").expect(406),
                // query parameters
                Bad.of("unknown status").to("GET", HANDOFFS + "?status=done").expect(400, "status"),
                Bad.of("status in capitals").to("GET", HANDOFFS + "?status=PENDING").expect(400, "status"),
                Bad.of("empty status").to("GET", HANDOFFS + "?status=").expect(400, "status"),
                Bad.of("empty profileId").to("GET", HANDOFFS + "?profileId=").expect(400, "profileId"),
                Bad.of("profileId over 200 characters").to("GET", HANDOFFS + "?profileId=" + "p".repeat(201))
                        .expect(400, "profileId"),
                // paths and ids
                Bad.of("id not a UUID").to("GET", HANDOFFS + "/not-a-uuid").expect(400, "id"),
                Bad.of("the seed's example id").to("GET", HANDOFFS + "/hoff-c7a1-b3d4").expect(400, "id"),
                Bad.of("UUID with a bad digit").to("GET", HANDOFFS + "/0190f5a4-7b3c-7d2e-9f10-1a2b3c4d5e6g")
                        .expect(400, "id"),
                patch("patch of an id that is not a UUID", "{\"action\":\"approve\"}")
                        .to("PATCH", HANDOFFS + "/42").expect(400, "id"),
                Bad.of("unknown handoff").to("GET", UNKNOWN).expect(404),
                patch("patch of an unknown handoff", "{\"action\":\"approve\"}").to("PATCH", UNKNOWN).expect(404),
                Bad.of("unknown path").to("GET", "/api/nothing").expect(404),
                Bad.of("path below a handoff").to("GET", EXISTING + "/children").expect(404),
                Bad.of("DELETE a handoff").to("DELETE", EXISTING).expect(405),
                Bad.of("PUT the collection").json("PUT", HANDOFFS, VALID).expect(405),
                Bad.of("DELETE handoff state").to("DELETE", STATE + "?id=CONV-1").expect(405),
                // PATCH bodies
                patch("no action", "{}").expect(400, "action"),
                patch("unknown action", "{\"action\":\"fly\"}").expect(400, "action"),
                patch("action in capitals", "{\"action\":\"APPROVE\"}").expect(400, "action"),
                patch("action as number", "{\"action\":5}").expect(400, "action"),
                patch("action null", "{\"action\":null}").expect(400, "action"),
                patch("targetTaskId with approve", "{\"action\":\"approve\",\"targetTaskId\":\"t\"}")
                        .expect(400, "targetTaskId"),
                patch("approvedBy with start", "{\"action\":\"start\",\"approvedBy\":\"x\"}").expect(400, "approvedBy"),
                patch("approvedBy with complete", "{\"action\":\"complete\",\"approvedBy\":\"x\"}")
                        .expect(400, "approvedBy"),
                patch("status in a patch", "{\"action\":\"approve\",\"status\":\"accepted\"}").expect(400, "status"),
                patch("unknown field in a patch", "{\"action\":\"approve\",\"note\":\"ok\"}").expect(400, "note"),
                patch("blank approvedBy", "{\"action\":\"approve\",\"approvedBy\":\"\"}").expect(400, "approvedBy"),
                patch("approvedBy as number", "{\"action\":\"approve\",\"approvedBy\":7}").expect(400, "approvedBy"),
                patch("approvedBy over 200 characters", "{\"action\":\"reject\",\"approvedBy\":\""
                        + "a".repeat(201) + "\"}").expect(400, "approvedBy"),
                patch("patch body an array", "[\"approve\"]").expect(400, "$"),
                patch("malformed patch", "{\"action\":").expect(400, "$"),
                patch("complete a pending handoff", "{\"action\":\"complete\"}").expect(409),
                patch("start before the required approval", "{\"action\":\"start\"}").expect(409),
                // conditional and retry headers
                patch("stale If-Match", "{\"action\":\"approve\"}").header("If-Match", "\"2\"").expect(412),
                patch("If-Match not an ETag", "{\"action\":\"approve\"}").header("If-Match", "abc").expect(400, "If-Match"),
                patch("weak If-Match", "{\"action\":\"approve\"}").header("If-Match", "W/\"1\"").expect(400, "If-Match"),
                patch("If-Match list", "{\"action\":\"approve\"}").header("If-Match", "\"1\", \"2\"")
                        .expect(400, "If-Match"),
                patch("If-Match not a number", "{\"action\":\"approve\"}").header("If-Match", "\"one\"")
                        .expect(400, "If-Match"),
                create("Idempotency-Key over 255 characters", VALID).header("Idempotency-Key", "k".repeat(256))
                        .expect(400, "Idempotency-Key"),
                create("Idempotency-Key with a space", VALID).header("Idempotency-Key", "a b")
                        .expect(400, "Idempotency-Key"),
                // keys and scopes
                Bad.of("no key").by(Caller.NONE).expect(401),
                Bad.of("blank key").by(Caller.BLANK).expect(401),
                Bad.of("malformed key").by(Caller.MALFORMED).expect(401),
                Bad.of("unknown key").by(Caller.UNKNOWN).expect(401),
                Bad.of("revoked key").by(Caller.REVOKED).expect(401),
                create("no key on create", VALID).by(Caller.NONE).expect(401),
                record("no key on state", "{\"id\":\"c\",\"data\":{}}").by(Caller.NONE).expect(401),
                Bad.of("key of another region").by(Caller.OTHER_REGION).expect(403),
                create("create with a read-only key", VALID).by(Caller.READ_ONLY).expect(403),
                patch("patch with a read-only key", "{\"action\":\"approve\"}").by(Caller.READ_ONLY).expect(403),
                Bad.of("list with a write-only key").by(Caller.WRITE_ONLY).expect(403),
                Bad.of("get with a write-only key").to("GET", EXISTING).by(Caller.WRITE_ONLY).expect(403),
                record("record state with a read-only key", "{\"id\":\"c\",\"data\":{}}").by(Caller.READ_ONLY)
                        .expect(403),
                Bad.of("read state with a write-only key").to("GET", STATE + "?id=CONV-1").by(Caller.WRITE_ONLY)
                        .expect(403),
                Bad.of("list with a state-only key").by(Caller.STATE_ONLY).expect(403),
                Bad.of("read state of another account").to("GET", STATE + "?id=CONV-1").by(Caller.OTHER_TENANT)
                        .expect(403),
                Bad.of("read state of another project").to("GET", "/v1/ACCOUNT-acme/PROJECT-other/handoff_state?id=CONV-1")
                        .expect(403),
                record("record state in another account", "{\"id\":\"c\",\"data\":{}}").by(Caller.OTHER_TENANT)
                        .expect(403),
                Bad.of("another tenant's handoff").to("GET", FOREIGN).expect(404),
                patch("patch of another tenant's handoff", "{\"action\":\"approve\"}").to("PATCH", FOREIGN).expect(404),
                // the handoff-state API
                Bad.of("state without id or shared_id").to("GET", STATE).expect(400, "id"),
                Bad.of("state with an empty id").to("GET", STATE + "?id=").expect(400, "id"),
                Bad.of("state with an empty shared_id").to("GET", STATE + "?shared_id=").expect(400, "shared_id"),
                Bad.of("state id over 200 characters").to("GET", STATE + "?id=" + "c".repeat(201)).expect(400, "id"),
                Bad.of("unknown conversation").to("GET", STATE + "?id=CONV-404").expect(404),
                Bad.of("unknown shared_id").to("GET", STATE + "?shared_id=nobody").expect(404),
                record("state without id", "{\"data\":{}}").expect(400, "id"),
                record("state id as number", "{\"id\":5,\"data\":{}}").expect(400, "id"),
                record("state data as string", "{\"id\":\"c\",\"data\":\"{}\"}").expect(400, "data"),
                record("state data as array", "{\"id\":\"c\",\"data\":[1]}").expect(400, "data"),
                record("state without data", "{\"id\":\"c\"}").expect(400, "data"),
                record("state with an unknown field", "{\"id\":\"c\",\"data\":{},\"extra\":1}").expect(400, "extra"),
                record("state with camelCase sharedId", "{\"id\":\"c\",\"sharedId\":\"s\",\"data\":{}}")
                        .expect(400, "sharedId"),
                record("state with a blank shared_id", "{\"id\":\"c\",\"shared_id\":\"\",\"data\":{}}")
                        .expect(400, "shared_id"),
                record("malformed state", "{\"id\":\"c\",").expect(400, "$"),
                record("state body an array", "[]").expect(400, "$"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void a_bad_request_is_refused_with_a_problem_naming_the_fault_and_writes_nothing(Bad bad) {
        // given
        RunningApi.Written before = api.written();
        RunningApi.Call call = api.call(bad.method(), resolve(bad.path()))
                .body(bad.contentType(), bad.body());
        String key = keys.get(bad.caller());
        if (key == null) {
            call.withoutHeader(ApiKeyFilter.HEADER);
        } else {
            call.header(ApiKeyFilter.HEADER, key);
        }
        bad.headers().forEach(call::header);

        // when
        RunningApi.Reply reply = call.send();

        // then
        assertThat(reply.status()).as("never a 5xx: %s", reply).isLessThan(500);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(bad.status());
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asText()).startsWith("https://handoff.dev/problems/");
        assertThat(problem.get("status").intValue()).isEqualTo(bad.status());
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (bad.field() != null) {
            assertThat(fields(problem)).as(reply.toString()).contains(bad.field());
        }
        if (bad.status() == 400) {
            assertThat(problem.get("errors").isArray()).isTrue();
            assertThat(problem.get("errors")).isNotEmpty();
        }
        assertThat(api.written()).as("nothing written").isEqualTo(before);
    }

    private static String resolve(String path) {
        String resolved = path;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            resolved = resolved.replace(id.getKey(), id.getValue());
        }
        return resolved;
    }

    private static Set<String> fields(JsonNode problem) {
        JsonNode errors = problem.get("errors");
        return errors == null ? Set.of() : Set.copyOf(StreamSupport.stream(errors.spliterator(), false)
                .map(error -> error.get("field").asText())
                .toList());
    }
}
