package dev.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.model.Tenant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: a key works only in its region, inside its account and project, and for the
 * scopes it carries; other tenants' handoffs and states do not exist for it.
 */
class AuthAndTenancyTest {

    private static final String HANDOFFS = "/api/handoffs";
    private static final String VALID = """
            {"fromProfileId":"analyst-agent","toProfileId":"reviewer-agent","subject":"s","body":"b"}""";
    private static final Tenant OTHER = new Tenant("ACCOUNT-other", "PROJECT-support");

    private static RunningApi api;

    @BeforeAll
    static void start() {
        api = RunningApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest(name = "{0} {1} with {2}: {3}")
    @CsvSource({
            "GET,   /api/handoffs,                                     handoffs:read,        200",
            "GET,   /api/handoffs,                                     handoffs:write,       403",
            "POST,  /api/handoffs,                                     handoffs:write,       201",
            "POST,  /api/handoffs,                                     handoffs:read,        403",
            "GET,   /v1/ACCOUNT-acme/PROJECT-support/handoff_state?id=CONV-1, handoff_state:read,  200",
            "GET,   /v1/ACCOUNT-acme/PROJECT-support/handoff_state?id=CONV-1, handoff_state:write, 403",
            "GET,   /v1/ACCOUNT-acme/PROJECT-support/handoff_state?id=CONV-1, handoffs:read,       403",
            "POST,  /v1/ACCOUNT-acme/PROJECT-support/handoff_state,    handoff_state:write,  201",
            "POST,  /v1/ACCOUNT-acme/PROJECT-support/handoff_state,    handoff_state:read,   403",
            "POST,  /v1/ACCOUNT-acme/PROJECT-support/handoff_state,    handoffs:write,       403"})
    void each_endpoint_needs_its_scope(String method, String path, String scope, int status) {
        // given
        api.post("/v1/ACCOUNT-acme/PROJECT-support/handoff_state", "{\"id\":\"CONV-1\",\"data\":{}}").send();
        String key = api.issueKey(RunningApi.TENANT, RunningApi.REGION, Set.of(Scope.fromWire(scope, "scope")));
        String body = path.startsWith("/v1") ? "{\"id\":\"CONV-2\",\"data\":{}}" : VALID;

        // when
        RunningApi.Call call = api.call(method, path).header(ApiKeyFilter.HEADER, key);
        RunningApi.Reply reply = (method.equals("POST") ? call.json(body) : call).send();

        // then
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        if (status == 403) {
            assertThat(reply.json().get("detail").asText()).contains("lacks the scope");
        }
    }

    @Test
    void a_read_key_may_get_a_handoff_and_a_write_key_may_move_it() {
        // given
        String id = api.post(HANDOFFS, VALID).send().json().get("id").asText();
        String reader = api.issueKey(RunningApi.TENANT, RunningApi.REGION, EnumSet.of(Scope.HANDOFFS_READ));
        String writer = api.issueKey(RunningApi.TENANT, RunningApi.REGION, EnumSet.of(Scope.HANDOFFS_WRITE));

        // when
        RunningApi.Reply read = api.get(HANDOFFS + "/" + id).header(ApiKeyFilter.HEADER, reader).send();
        RunningApi.Reply moved = api.patch(HANDOFFS + "/" + id, "{\"action\":\"start\"}")
                .header(ApiKeyFilter.HEADER, writer).send();

        // then
        assertThat(read.status()).isEqualTo(200);
        assertThat(moved.status()).isEqualTo(200);
    }

    @Test
    void a_key_works_only_inside_its_own_tenant() {
        // given
        String ours = api.post(HANDOFFS, VALID).send().json().get("id").asText();
        String otherKey = api.issueKey(OTHER, RunningApi.REGION, EnumSet.allOf(Scope.class));
        String theirs = api.post(HANDOFFS, VALID).header(ApiKeyFilter.HEADER, otherKey).send().json().get("id").asText();

        // when
        JsonNode ourList = api.get(HANDOFFS).send().json();
        JsonNode theirList = api.get(HANDOFFS).header(ApiKeyFilter.HEADER, otherKey).send().json();
        RunningApi.Reply theirsForUs = api.get(HANDOFFS + "/" + theirs).send();
        RunningApi.Reply unknown = api.get(HANDOFFS + "/0190f5a4-7b3c-7d2e-9f10-1a2b3c4d5e6f").send();

        // then
        assertThat(SeedReplayTest.ids(ourList)).contains(ours).doesNotContain(theirs);
        assertThat(SeedReplayTest.ids(theirList)).contains(theirs).doesNotContain(ours);
        assertThat(theirsForUs.status()).isEqualTo(404);
        assertThat(theirsForUs.json().get("title")).isEqualTo(unknown.json().get("title"));
        assertThat(theirsForUs.json().get("detail").asText()).doesNotContain("tenant", "account");
    }

    @Test
    void an_idempotency_key_belongs_to_its_tenant() {
        // given
        String otherKey = api.issueKey(OTHER, RunningApi.REGION, EnumSet.allOf(Scope.class));
        String ours = api.post(HANDOFFS, VALID).header("Idempotency-Key", "shared-key").send().json().get("id").asText();

        // when
        RunningApi.Reply theirs = api.post(HANDOFFS, VALID).header("Idempotency-Key", "shared-key")
                .header(ApiKeyFilter.HEADER, otherKey).send();

        // then
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isEmpty();
        assertThat(theirs.json().get("id").asText()).isNotEqualTo(ours);
    }

    @Test
    void the_handoff_state_path_must_name_the_keys_account_and_project() {
        // given
        String otherKey = api.issueKey(OTHER, RunningApi.REGION, EnumSet.allOf(Scope.class));
        api.post("/v1/ACCOUNT-other/PROJECT-support/handoff_state", "{\"id\":\"CONV-9\",\"data\":{\"n\":9}}")
                .header(ApiKeyFilter.HEADER, otherKey).send();

        // when
        RunningApi.Reply own = api.get("/v1/ACCOUNT-other/PROJECT-support/handoff_state?id=CONV-9")
                .header(ApiKeyFilter.HEADER, otherKey).send();
        RunningApi.Reply foreignPath = api.get("/v1/ACCOUNT-other/PROJECT-support/handoff_state?id=CONV-9").send();
        RunningApi.Reply ownPath = api.get("/v1/ACCOUNT-acme/PROJECT-support/handoff_state?id=CONV-9").send();

        // then
        assertThat(own.status()).isEqualTo(200);
        assertThat(foreignPath.status()).isEqualTo(403);
        assertThat(ownPath.status()).isEqualTo(404); // the other tenant's conversation does not exist here
    }

    @Test
    void a_key_of_another_region_is_refused_here_and_accepted_in_its_own() {
        // given
        try (RunningApi europe = RunningApi.start(new RestSettings("eu-1", RestSettings.DEFAULT_MAX_BODY_BYTES))) {
            String europeanKey = europe.issueKey(RunningApi.TENANT, "eu-1", EnumSet.allOf(Scope.class));

            // when
            RunningApi.Reply home = europe.get(HANDOFFS).header(ApiKeyFilter.HEADER, europeanKey).send();
            RunningApi.Reply abroad = europe.get(HANDOFFS).send(); // its default key is of us-1

            // then
            assertThat(home.status()).isEqualTo(200);
            assertThat(abroad.status()).isEqualTo(403);
            assertThat(abroad.json().get("detail").asText()).contains("region us-1", "eu-1");
        }
    }

    @Test
    void a_missing_or_unknown_key_is_asked_for_with_www_authenticate() {
        // when
        RunningApi.Reply missing = api.get(HANDOFFS).withoutHeader(ApiKeyFilter.HEADER).send();

        // then
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).hasValue("ApiKey header=\"x-api-key\"");
        assertThat(missing.json().get("type").asText()).isEqualTo("https://handoff.dev/problems/unauthenticated");
    }

    @Test
    void the_openapi_document_and_health_are_open_without_a_key() {
        // when
        RunningApi.Reply openapi = api.get("/openapi.json").withoutHeader(ApiKeyFilter.HEADER).send();
        RunningApi.Reply health = api.get("/health").withoutHeader(ApiKeyFilter.HEADER).send();

        // then
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.json().get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(health.status()).as("/health is left to the server; the filter lets it through").isEqualTo(404);
    }

    @Test
    void every_api_resource_method_declares_the_scope_it_needs() {
        // given
        List<Method> endpoints = Arrays.stream(new Class<?>[] {HandoffsResource.class, HandoffStateResource.class})
                .flatMap(resource -> Arrays.stream(resource.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)
                        || method.isAnnotationPresent(PATCH.class))
                .toList();

        // then
        assertThat(endpoints).hasSize(6).allMatch(method -> method.isAnnotationPresent(RequiresScope.class));
    }
}
