package dev.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.domain.model.ApiKeyId;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.model.Tenant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at volume: thousands of generated requests to every endpoint — bodies of any shape,
 * valid bodies with one thing wrong, text that is not JSON, odd keys, content types, {@code If-Match}
 * and {@code Idempotency-Key} values, query strings and path segments — over the real use cases on
 * in-memory stores. For each: never a 5xx; every 4xx is {@code application/problem+json} with its
 * status; and a refused request leaves every store, the event bus and the process exactly as they were.
 */
class BadInputPropertiesTest {

    private static final String HANDOFFS = "/api/handoffs";
    private static final Tenant OTHER_TENANT = new Tenant("ACCOUNT-other", "PROJECT-support");
    private static final String OWN_STATE = "/v1/" + RunningApi.TENANT.accountId() + "/"
            + RunningApi.TENANT.projectId() + "/handoff_state";
    private static final String UNKNOWN_ID = "0190f5a4-7b3c-7d2e-9f10-1a2b3c4d5e6f";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");

    private static RunningApi api;
    /** Keys good and bad: every scope, none, read-only, of another tenant or region, revoked, mangled. */
    private static final List<String> keys = new ArrayList<>();
    /** Handoffs to act on: half await approval; generated PATCHes move them on, so later ones meet every state. */
    private static final List<String> handoffIds = new ArrayList<>();
    private static String foreignId;

    @BeforeContainer
    static void start() {
        api = RunningApi.start();
        String revoked = api.issueKey(RunningApi.TENANT, RunningApi.REGION, EnumSet.allOf(Scope.class));
        api.world.application.manageApiKeys().revoke(new ApiKeyId(revoked.substring(3, 19)));
        keys.addAll(List.of(api.key, revoked,
                api.issueKey(RunningApi.TENANT, RunningApi.REGION, EnumSet.of(Scope.HANDOFFS_READ, Scope.STATE_READ)),
                api.issueKey(RunningApi.TENANT, RunningApi.REGION, EnumSet.of(Scope.STATE_READ, Scope.STATE_WRITE)),
                api.issueKey(RunningApi.TENANT, "eu-1", EnumSet.allOf(Scope.class)),
                api.issueKey(OTHER_TENANT, RunningApi.REGION, EnumSet.allOf(Scope.class)),
                api.key.substring(0, api.key.length() - 1) + (api.key.endsWith("A") ? "B" : "A"),
                "hk_0123456789abcdef_" + "A".repeat(43), "Bearer " + api.key));
        for (int i = 0; i < 40; i++) {
            handoffIds.add(create(api.key, i % 2 == 0));
        }
        foreignId = create(keys.get(5), true);
        api.post(OWN_STATE, "{\"id\":\"CONV-1\",\"shared_id\":\"crm-1\",\"data\":{}}").send();
    }

    @AfterContainer
    static void stop() {
        api.close();
    }

    @Property(tries = 700)
    void listing_with_any_query_and_headers_is_answered_safely(@ForAll("readHeaders") Map<String, String> headers,
                                            @ForAll("listQueries") String query) {
        answersSafely("GET", HANDOFFS + query, headers, new byte[0]);
    }

    @Property(tries = 1800)
    void creating_with_any_body_and_headers_is_answered_safely(@ForAll("writeHeaders") Map<String, String> headers,
                                            @ForAll("createBodies") byte[] body) {
        answersSafely("POST", HANDOFFS, headers, body);
    }

    @Property(tries = 700)
    void reading_a_handoff_by_any_id_is_answered_safely(@ForAll("readHeaders") Map<String, String> headers,
                                     @ForAll("handoffPaths") String path, @ForAll("anyQueries") String query) {
        answersSafely("GET", path + query, headers, new byte[0]);
    }

    @Property(tries = 1400)
    void moving_a_handoff_with_any_body_and_headers_is_answered_safely(@ForAll("writeHeaders") Map<String, String> headers,
                                                    @ForAll("handoffPaths") String path,
                                                    @ForAll("moveBodies") byte[] body) {
        answersSafely("PATCH", path, headers, body);
    }

    @Property(tries = 700)
    void reading_handoff_state_with_any_query_is_answered_safely(@ForAll("readHeaders") Map<String, String> headers,
                                              @ForAll("statePaths") String path,
                                              @ForAll("stateQueries") String query) {
        answersSafely("GET", path + query, headers, new byte[0]);
    }

    @Property(tries = 1000)
    void recording_handoff_state_with_any_body_is_answered_safely(@ForAll("writeHeaders") Map<String, String> headers,
                                               @ForAll("statePaths") String path,
                                               @ForAll("stateBodies") byte[] body) {
        answersSafely("POST", path, headers, body);
    }

    @Property(tries = 200)
    void reading_the_api_description_with_any_query_and_headers_is_answered_safely(@ForAll("readHeaders") Map<String, String> headers,
                                                                @ForAll("anyQueries") String query) {
        answersSafely("GET", "/openapi.json" + query, headers, new byte[0]);
    }

    @Property(tries = 1000)
    void any_method_on_any_path_is_answered_safely(@ForAll("methods") String method, @ForAll("anyPaths") String path,
                                @ForAll("writeHeaders") Map<String, String> headers,
                                @ForAll("createBodies") byte[] body) {
        answersSafely(method, path, headers, body);
    }

    /**
     * The one refusal that is not a problem: Grizzly refuses a request line and headers over 8 KiB
     * with a bare 400 while parsing them, before Jersey or any code of ours sees the request.
     */
    @Example
    void a_request_head_over_8_KiB_is_refused_by_the_http_server_before_the_application_and_writes_nothing() {
        // given
        Object before = api.world.contents();

        // when
        RunningApi.Reply reply = send("POST", HANDOFFS + "?profileId=" + "p".repeat(10_000),
                Map.of(ApiKeyFilter.HEADER, api.key, "Content-Type", "application/json"), new byte[] {'{', '}'});

        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(api.world.contents()).isEqualTo(before);
    }

    /** Safely: never a 5xx; every 4xx a problem with its status; nothing written when refused. */
    private static void answersSafely(String method, String target, Map<String, String> headers, byte[] body) {
        // given
        Object before = api.world.contents();

        // when
        RunningApi.Reply reply = send(method, target, headers, body);

        // then
        Statistics.label("status").collect(reply.status());
        String request = abbreviated(method + " " + target + " " + headers + " " + body.length + " bytes");
        assertThat(reply.status()).as("never a 5xx: %s → %s", request, abbreviated(reply.toString())).isBetween(200, 499);
        if (reply.status() >= 400) {
            assertThat(reply.contentType()).as("a problem: %s → %s", request, abbreviated(reply.toString()))
                    .startsWith("application/problem+json");
            if (!method.equals("HEAD")) {
                JsonNode problem = reply.json();
                assertThat(problem.path("status").asInt()).as(request).isEqualTo(reply.status());
                assertThat(problem.path("type").asText()).as(request).isNotBlank();
            }
            assertThat(api.world.contents()).as("a refused request writes nothing: %s → %s", request, abbreviated(reply.toString()))
                    .isEqualTo(before);
        }
    }

    /** Generated requests can be huge; a failure report shows their start. */
    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " characters)";
    }

    private static RunningApi.Reply send(String method, String target, Map<String, String> headers, byte[] body) {
        RunningApi.Call call = api.call(method, target).withoutHeader(ApiKeyFilter.HEADER);
        headers.forEach(call::header);
        if (Set.of("POST", "PUT", "PATCH").contains(method)) {
            call.body(null, BodyPublishers.ofByteArray(body));
        }
        return call.send();
    }

    // ---- what the properties are given ----

    @Provide
    Arbitrary<Map<String, String>> readHeaders() {
        return headers(Arbitraries.just(Optional.empty()), Arbitraries.just(Optional.empty()),
                Arbitraries.just(Optional.empty()));
    }

    @Provide
    Arbitrary<Map<String, String>> writeHeaders() {
        return headers(
                Arbitraries.frequencyOf(
                        Tuple.of(8, Arbitraries.just(Optional.of("application/json"))),
                        Tuple.of(3, RequestParts.header(1, List.of("application/json; charset=utf-8",
                                "application/JSON", "text/plain", "application/xml", "application/x-www-form-urlencoded",
                                "multipart/form-data; boundary=x", "json", "*/*", "application/problem+json",
                                "application/json; charset=latin1")))),
                RequestParts.header(3, List.of("*", "\"1\"", "\"2\"", "\"3\"", "\"0\"", "\"999999999999999999\"",
                        "\"9999999999999999999\"", "W/\"1\"", "1", "\"-1\"", "\"\"")),
                RequestParts.header(3, List.of("key-1", "key-2", "key-3", "x".repeat(255), "x".repeat(256), "a b",
                        "clé")));
    }

    private Arbitrary<Map<String, String>> headers(Arbitrary<Optional<String>> contentTypes,
                                                   Arbitrary<Optional<String>> ifMatches,
                                                   Arbitrary<Optional<String>> idempotencyKeys) {
        Arbitrary<Optional<String>> apiKeys = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(Optional.of(api.key))),
                Tuple.of(1, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(3, Arbitraries.of(keys).map(Optional::of)),
                Tuple.of(1, RequestParts.headerValue().map(Optional::of)));
        Arbitrary<Optional<String>> accepts = RequestParts.header(6, List.of("application/json",
                "application/problem+json", "text/html", "*/*", ";;;", "application/json;q=0"));
        return Combinators.combine(apiKeys, contentTypes, accepts, ifMatches, idempotencyKeys)
                .as((key, contentType, accept, ifMatch, idempotencyKey) -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    key.ifPresent(value -> headers.put(ApiKeyFilter.HEADER, value));
                    contentType.ifPresent(value -> headers.put("Content-Type", value));
                    accept.ifPresent(value -> headers.put("Accept", value));
                    ifMatch.ifPresent(value -> headers.put("If-Match", value));
                    idempotencyKey.ifPresent(value -> headers.put(HandoffsResource.IDEMPOTENCY_KEY, value));
                    return headers;
                });
    }

    @Provide
    Arbitrary<byte[]> createBodies() {
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("fromProfileId", "\"analyst-agent\"");
        valid.put("toProfileId", "\"reviewer-agent\"");
        valid.put("sourceTaskId", "\"task-9d4e-a1b2\"");
        valid.put("subject", "\"Q4 revenue analysis ready for review\"");
        valid.put("body", "\"Please verify the methodology.\"");
        valid.put("attachments", "\"[{\\\"name\\\":\\\"chart.png\\\"}]\"");
        valid.put("priority", "1");
        valid.put("requiresApproval", "true");
        valid.put("parentMessageId", "\"" + handoffIds.get(0) + "\"");
        valid.put("expiresAt", "\"2030-01-01T00:00:00.000Z\"");
        valid.put("conversationId", "\"CONV-7\"");
        valid.put("sharedId", "\"crm-7\"");
        valid.put("data", "{\"customer_id\":\"C-77\",\"tags\":[1,2.5,null]}");
        return RequestParts.body(valid);
    }

    @Provide
    Arbitrary<byte[]> moveBodies() {
        return Arbitraries.of(
                Map.of("action", "\"approve\"", "approvedBy", "\"reviewer@example.com\""),
                Map.of("action", "\"reject\"", "approvedBy", "\"reviewer-agent\""),
                Map.of("action", "\"start\"", "targetTaskId", "\"task-review-1\""),
                Map.of("action", "\"complete\"")).flatMap(RequestParts::body);
    }

    @Provide
    Arbitrary<byte[]> stateBodies() {
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("id", "\"CONV-9\"");
        valid.put("shared_id", "\"crm-9\"");
        valid.put("data", "{\"customer_id\":\"C-77\",\"reason\":\"billing\"}");
        return RequestParts.body(valid);
    }

    @Provide
    Arbitrary<String> handoffPaths() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(handoffIds)),
                Tuple.of(1, Arbitraries.of(UNKNOWN_ID, foreignId, UNKNOWN_ID.toUpperCase(), "hoff-c7a1-b3d4", "42")),
                Tuple.of(2, RequestParts.pathSegment()))
                .map(id -> HANDOFFS + "/" + id);
    }

    @Provide
    Arbitrary<String> statePaths() {
        Arbitrary<String> tenants = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(RunningApi.TENANT.accountId() + "/" + RunningApi.TENANT.projectId())),
                Tuple.of(1, Arbitraries.just(OTHER_TENANT.accountId() + "/" + OTHER_TENANT.projectId())),
                Tuple.of(1, Combinators.combine(RequestParts.pathSegment(), RequestParts.pathSegment())
                        .as((account, project) -> account + "/" + project)));
        return tenants.map(tenant -> "/v1/" + tenant + "/handoff_state");
    }

    @Provide
    Arbitrary<String> anyPaths() {
        return Arbitraries.oneOf(Arbitraries.just(HANDOFFS), handoffPaths(), statePaths(),
                Arbitraries.of("/openapi.json", "/health", "/", "/api", "/api/handoffs/", "/v1",
                        HANDOFFS + "/" + UNKNOWN_ID + "/children"),
                RequestParts.pathSegment().map(segment -> "/" + segment));
    }

    @Provide
    Arbitrary<String> listQueries() {
        return RequestParts.query(List.of("status", "profileId"));
    }

    @Provide
    Arbitrary<String> stateQueries() {
        return RequestParts.query(List.of("id", "shared_id"));
    }

    @Provide
    Arbitrary<String> anyQueries() {
        return RequestParts.query(List.of("status", "id", "probe"));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of(METHODS);
    }

    private static String create(String key, boolean requiresApproval) {
        return api.post(HANDOFFS, "{\"fromProfileId\":\"analyst-agent\",\"toProfileId\":\"reviewer-agent\","
                        + "\"subject\":\"s\",\"body\":\"b\",\"requiresApproval\":" + requiresApproval + "}")
                .header(ApiKeyFilter.HEADER, key).send().json().get("id").asText();
    }
}
