package dev.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.model.Unavailable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Method;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the server serves describes what the server really does: real responses
 * of the running server, successes and problems, validate against the schemas the document gives
 * for their operation, status and media type, and every resource method is documented with the
 * scope it requires.
 */
class OpenApiContractTest {

    private static final String DOCUMENT_IRI = "https://handoff.test/openapi.json";
    private static final String HANDOFFS = "/api/handoffs";
    private static final String HANDOFF = "/api/handoffs/{id}";
    private static final String STATE = "/v1/{account_id}/{project_id}/handoff_state";
    private static final String STATE_PATH = "/v1/ACCOUNT-acme/PROJECT-support/handoff_state";
    private static final String VALID = """
            {"fromProfileId":"analyst-agent","toProfileId":"reviewer-agent","subject":"s","body":"b"}""";

    private static RunningApi api;
    private static JsonNode document;
    private static JsonSchemaFactory schemas;
    private static final SchemaValidatorsConfig STRICT = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    /** A pending handoff that needs approval, and one that went through approve and start. */
    private static String pending;
    private static String started;

    @BeforeAll
    static void start() {
        api = RunningApi.start();
        RunningApi.Reply served = api.get("/openapi.json").withoutHeader(ApiKeyFilter.HEADER).send();
        assertThat(served.status()).isEqualTo(200);
        document = served.json();
        schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(OpenApi31.getInstance())
                .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_IRI, served.body()))));
        pending = api.post(HANDOFFS, VALID.replace("}", ",\"requiresApproval\":true}")).send().json().get("id").asText();
        started = api.post(HANDOFFS, """
                {"fromProfileId":"analyst-agent","toProfileId":"reviewer-agent","sourceTaskId":"task-1",\
                "subject":"s","body":"b","attachments":"[{\\"name\\": \\"chart.png\\"}]","priority":0,\
                "requiresApproval":true,"parentMessageId":"%s","expiresAt":"2026-04-05T10:45:00Z"}"""
                .formatted(pending)).send().json().get("id").asText();
        api.patch(HANDOFFS + "/" + started, "{\"action\":\"approve\",\"approvedBy\":\"boss\"}").send();
        api.patch(HANDOFFS + "/" + started, "{\"action\":\"start\",\"targetTaskId\":\"task-2\"}").send();
        api.post(STATE_PATH, "{\"id\":\"CONV-1\",\"shared_id\":\"crm-1\",\"data\":{\"queue\":\"tier-2\"}}").send();
        api.post(STATE_PATH, "{\"id\":\"CONV-2\",\"data\":{}}").send();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @AfterEach
    void the_store_is_back() {
        api.world.transactions.recover();
    }

    /** {@code call}, to be sent while no unit of work can begin, as when the database cannot be reached. */
    private static RunningApi.Call whileTheStoreIsDown(RunningApi api, RunningApi.Call call) {
        api.world.transactions.failWith(new Unavailable("the database cannot be reached; retry in a few seconds",
                new IllegalStateException("connection refused")));
        return call;
    }

    /** A real exchange with the server, and the documented operation it belongs to. */
    record Exchange(String name, String method, String template, Function<RunningApi, RunningApi.Call> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Exchange exchange(String name, String method, String template,
                             Function<RunningApi, RunningApi.Call> call) {
        return new Exchange(name, method, template, call);
    }

    static Stream<Exchange> exchanges() {
        return Stream.of(
                exchange("list 200", "GET", HANDOFFS, api -> api.get(HANDOFFS)),
                exchange("list 200 filtered", "GET", HANDOFFS,
                        api -> api.get(HANDOFFS + "?status=in_progress&profileId=reviewer-agent")),
                exchange("list 400", "GET", HANDOFFS, api -> api.get(HANDOFFS + "?status=done")),
                exchange("list 401", "GET", HANDOFFS, api -> api.get(HANDOFFS).withoutHeader(ApiKeyFilter.HEADER)),
                exchange("list 403", "GET", HANDOFFS, api -> api.get(HANDOFFS).header(ApiKeyFilter.HEADER,
                        api.issueKey(RunningApi.TENANT, RunningApi.REGION, EnumSet.of(Scope.STATE_READ)))),
                exchange("list 406", "GET", HANDOFFS, api -> api.get(HANDOFFS).header("Accept", "text/html")),
                exchange("create 201", "POST", HANDOFFS, api -> api.post(HANDOFFS, """
                        {"fromProfileId":"a","toProfileId":"b","sourceTaskId":"t","subject":"s","body":"b",\
                        "attachments":"{}","priority":3,"requiresApproval":false,"conversationId":"CONV-3",\
                        "sharedId":"crm-3","data":{"n":3}}""")),
                exchange("create 201 replayed", "POST", HANDOFFS, api -> {
                    api.post(HANDOFFS, VALID).header("Idempotency-Key", "replay-1").send();
                    return api.post(HANDOFFS, VALID).header("Idempotency-Key", "replay-1");
                }),
                exchange("create 400", "POST", HANDOFFS, api -> api.post(HANDOFFS, "{\"priority\":\"1\"}")),
                exchange("create 400 malformed", "POST", HANDOFFS, api -> api.post(HANDOFFS, "{")),
                exchange("create 413", "POST", HANDOFFS, api -> api.post(HANDOFFS,
                        "{\"subject\":\"" + "s".repeat(1_100_000) + "\"}")),
                exchange("create 415", "POST", HANDOFFS,
                        api -> api.call("POST", HANDOFFS).body("text/plain", BodyPublishers.ofString(VALID))),
                exchange("create 422", "POST", HANDOFFS, api -> {
                    api.post(HANDOFFS, VALID).header("Idempotency-Key", "reused-1").send();
                    return api.post(HANDOFFS, VALID.replace("\"s\"", "\"other\"")).header("Idempotency-Key", "reused-1");
                }),
                exchange("get 200", "GET", HANDOFF, api -> api.get(HANDOFFS + "/" + started)),
                exchange("get 200 pending", "GET", HANDOFF, api -> api.get(HANDOFFS + "/" + pending)),
                exchange("get 400", "GET", HANDOFF, api -> api.get(HANDOFFS + "/hoff-c7a1-b3d4")),
                exchange("get 404", "GET", HANDOFF, api -> api.get(HANDOFFS + "/0190f5a4-7b3c-7d2e-9f10-1a2b3c4d5e6f")),
                // a method no operation has: documented as the default problem of the path's operations
                exchange("get 405", "GET", HANDOFF, api -> api.call("DELETE", HANDOFFS + "/" + pending)),
                exchange("patch 200", "PATCH", HANDOFF, api -> api.patch(HANDOFFS + "/" + newPending(api),
                        "{\"action\":\"reject\",\"approvedBy\":\"reviewer-agent\"}")),
                exchange("patch 400", "PATCH", HANDOFF, api -> api.patch(HANDOFFS + "/" + pending, "{\"action\":\"fly\"}")),
                exchange("patch 404", "PATCH", HANDOFF, api -> api.patch(HANDOFFS
                        + "/0190f5a4-7b3c-7d2e-9f10-1a2b3c4d5e6f", "{\"action\":\"approve\"}")),
                exchange("patch 409", "PATCH", HANDOFF, api -> api.patch(HANDOFFS + "/" + started, "{\"action\":\"approve\"}")),
                exchange("patch 412", "PATCH", HANDOFF, api -> api.patch(HANDOFFS + "/" + pending,
                        "{\"action\":\"approve\"}").header("If-Match", "\"9\"")),
                exchange("patch 415", "PATCH", HANDOFF, api -> api.call("PATCH", HANDOFFS + "/" + pending)
                        .body("text/plain", BodyPublishers.ofString("{\"action\":\"approve\"}"))),
                exchange("state 200 with shared_id", "GET", STATE, api -> api.get(STATE_PATH + "?shared_id=crm-1")),
                exchange("state 200 without shared_id", "GET", STATE, api -> api.get(STATE_PATH + "?id=CONV-2")),
                exchange("state 400", "GET", STATE, api -> api.get(STATE_PATH)),
                exchange("state 403", "GET", STATE, api -> api.get("/v1/ACCOUNT-other/PROJECT-support/handoff_state?id=x")),
                exchange("state 404", "GET", STATE, api -> api.get(STATE_PATH + "?id=CONV-404")),
                exchange("record 201", "POST", STATE, api -> api.post(STATE_PATH,
                        "{\"id\":\"CONV-4\",\"shared_id\":\"crm-4\",\"data\":{\"list\":[1,2.50,null,{\"deep\":true}]}}")),
                exchange("record 400", "POST", STATE, api -> api.post(STATE_PATH, "{\"id\":\"CONV-5\",\"data\":[]}")),
                exchange("record 413", "POST", STATE, api -> api.post(STATE_PATH,
                        "{\"id\":\"CONV-5\",\"data\":{\"x\":\"" + "x".repeat(300_000) + "\"}}")),
                exchange("list 503", "GET", HANDOFFS, api -> whileTheStoreIsDown(api, api.get(HANDOFFS))),
                exchange("create 503", "POST", HANDOFFS, api -> whileTheStoreIsDown(api, api.post(HANDOFFS, VALID))),
                exchange("get 503", "GET", HANDOFF, api -> whileTheStoreIsDown(api, api.get(HANDOFFS + "/" + pending))),
                exchange("patch 503", "PATCH", HANDOFF, api -> whileTheStoreIsDown(api,
                        api.patch(HANDOFFS + "/" + pending, "{\"action\":\"approve\"}"))),
                exchange("state 503", "GET", STATE, api -> whileTheStoreIsDown(api, api.get(STATE_PATH + "?id=CONV-2"))),
                exchange("record 503", "POST", STATE, api -> whileTheStoreIsDown(api,
                        api.post(STATE_PATH, "{\"id\":\"CONV-6\",\"data\":{}}"))),
                exchange("openapi 200", "GET", "/openapi.json",
                        api -> api.get("/openapi.json").withoutHeader(ApiKeyFilter.HEADER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exchanges")
    void a_real_response_conforms_to_the_document(Exchange exchange) {
        // given
        RunningApi.Call call = exchange.call().apply(api);

        // when
        RunningApi.Reply reply = call.send();

        // then
        String status = exchange.name().replaceAll("^.* (\\d{3}).*$", "$1");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(Integer.parseInt(status));
        String response = responsePointer(exchange.method(), exchange.template(), reply.status());
        String mediaType = reply.contentType().replaceAll(";.*$", "").strip();
        assertThat(document.at(response + "/content/" + escape(mediaType)).isMissingNode())
                .as("%s documents %s for %s", response, mediaType, exchange).isFalse();
        assertThat(violations(response + "/content/" + escape(mediaType) + "/schema", reply.json()))
                .as(reply.toString()).isEmpty();
        document.at(response + "/headers").fieldNames().forEachRemaining(header -> reply.header(header).ifPresent(
                value -> assertThat(violations(resolve(response + "/headers/" + escape(header)) + "/schema",
                        JsonNodeFactory.instance.textNode(value))).as(header + ": " + value).isEmpty()));
    }

    @Test
    void the_seeds_example_requests_conform_to_the_documented_request_schemas() {
        // given
        String create = "/paths/" + escape(HANDOFFS) + "/post/requestBody/content/application~1json/schema";
        String move = "/paths/" + escape(HANDOFF) + "/patch/requestBody/content/application~1json/schema";

        // then
        assertThat(violations(create, json(SeedReplayTest.QUICK_START_CREATE))).isEmpty();
        assertThat(violations(create, json(SeedReplayTest.APPROVAL_CREATE))).isEmpty();
        assertThat(violations(move, json(SeedReplayTest.APPROVE))).isEmpty();
        assertThat(violations(move, json(SeedReplayTest.REJECT))).isEmpty();
        assertThat(violations(move, json("{\"action\":\"start\",\"approvedBy\":\"x\"}"))).isNotEmpty();
        assertThat(violations(create, json("{\"status\":\"pending\"," + VALID.substring(1)))).isNotEmpty();
    }

    @Test
    void a_response_that_strays_from_the_document_is_caught() {
        // given
        JsonNode real = api.get(HANDOFFS + "/" + started).send().json();
        String schema = responsePointer("GET", HANDOFF, 200) + "/content/application~1json/schema";
        ObjectNode withVersion = real.deepCopy();
        withVersion.put("version", 3);
        ObjectNode withoutMilliseconds = real.deepCopy();
        withoutMilliseconds.put("createdAt", "2026-04-03T10:45:00Z");
        ObjectNode withoutStatus = real.deepCopy();
        withoutStatus.remove("status");
        ObjectNode withTextPriority = real.deepCopy();
        withTextPriority.put("priority", "0");

        // then
        assertThat(violations(schema, real)).isEmpty();
        assertThat(violations(schema, withVersion)).isNotEmpty();
        assertThat(violations(schema, withoutMilliseconds)).isNotEmpty();
        assertThat(violations(schema, withoutStatus)).isNotEmpty();
        assertThat(violations(schema, withTextPriority)).isNotEmpty();
    }

    @Test
    void every_resource_method_is_documented_with_the_scope_it_requires() {
        // given
        Set<String> implemented = new HashSet<>();
        for (Class<?> resource : List.of(HandoffsResource.class, HandoffStateResource.class, OpenApiResource.class)) {
            for (Method method : resource.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                String template = resource.getAnnotation(Path.class).value()
                        + (method.isAnnotationPresent(Path.class) ? "/" + method.getAnnotation(Path.class).value() : "");
                implemented.add(verb + " " + template);
                JsonNode security = document.at("/paths/" + escape(template) + "/" + verb.toLowerCase() + "/security");

                // then
                assertThat(security.isArray()).as("%s %s is documented with its security", verb, template).isTrue();
                RequiresScope scope = method.getAnnotation(RequiresScope.class);
                List<String> documented = scopes(security);
                assertThat(documented).as("%s %s", verb, template)
                        .isEqualTo(scope == null ? List.of() : List.of(scope.value().wireName()));
            }
        }
        assertThat(implemented).isEqualTo(documentedOperations());
    }

    @Test
    void every_documented_error_response_is_a_problem() {
        // given
        List<String> errorContents = new ArrayList<>();
        document.at("/components/responses").fields().forEachRemaining(response ->
                response.getValue().path("content").fieldNames().forEachRemaining(errorContents::add));

        // then
        assertThat(errorContents).isNotEmpty().allMatch("application/problem+json"::equals);
        assertThat(document.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo(ApiKeyFilter.HEADER);
        for (Scope scope : Scope.values()) {
            assertThat(document.at("/components/securitySchemes/apiKey/description").asText())
                    .contains(scope.wireName());
        }
    }

    private static String newPending(RunningApi api) {
        return api.post(HANDOFFS, VALID.replace("}", ",\"requiresApproval\":true}")).send().json().get("id").asText();
    }

    private static String responsePointer(String method, String template, int status) {
        String responses = "/paths/" + escape(template) + "/" + method.toLowerCase() + "/responses";
        JsonNode byStatus = document.at(responses + "/" + status);
        String pointer = responses + "/" + (byStatus.isMissingNode() ? "default" : String.valueOf(status));
        assertThat(document.at(pointer).isMissingNode()).as("%s %s documents %s", method, template, status).isFalse();
        return resolve(pointer);
    }

    /** The pointer itself, or where its {@code $ref} leads. */
    private static String resolve(String pointer) {
        JsonNode node = document.at(pointer);
        return node.has("$ref") ? node.get("$ref").asText().substring(1) : pointer;
    }

    private static Set<ValidationMessage> violations(String schemaPointer, JsonNode instance) {
        JsonSchema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + schemaPointer), STRICT);
        return schema.validate(instance);
    }

    private static Set<String> documentedOperations() {
        Set<String> operations = new HashSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                verb -> {
                    if (!verb.equals("parameters")) {
                        operations.add(verb.toUpperCase() + " " + path.getKey());
                    }
                }));
        return operations;
    }

    private static List<String> scopes(JsonNode security) {
        return StreamSupport.stream(security.spliterator(), false)
                .flatMap(requirement -> StreamSupport.stream(requirement.path("apiKey").spliterator(), false))
                .map(JsonNode::asText)
                .toList();
    }

    private static String httpMethod(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return HttpMethod.GET;
        }
        if (method.isAnnotationPresent(POST.class)) {
            return HttpMethod.POST;
        }
        return method.isAnnotationPresent(PATCH.class) ? HttpMethod.PATCH : null;
    }

    private static String escape(String pointerSegment) {
        return pointerSegment.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode json(String text) {
        return RunningApi.json(text);
    }
}
