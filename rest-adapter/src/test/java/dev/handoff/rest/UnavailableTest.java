package dev.handoff.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.handoff.domain.model.Unavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the database cannot be reached, every endpoint that needs it answers 503 with
 * {@code Retry-After} and a problem that reveals nothing of the failure; nothing is written, and the
 * API answers normally as soon as the database is back.
 */
class UnavailableTest {

    private static final String HANDOFFS = "/api/handoffs";
    private static final String STATE = "/v1/ACCOUNT-acme/PROJECT-support/handoff_state";
    private static final String VALID = """
            {"fromProfileId":"analyst-agent","toProfileId":"reviewer-agent","subject":"s","body":"b"}""";
    private static final Unavailable OUTAGE = new Unavailable("the database cannot be reached; retry in a few seconds",
            new SQLException("Connection to db.internal:5432 refused", "08001"));

    private RunningApi api;
    private String pending;

    @BeforeEach
    void start() {
        api = RunningApi.start();
        pending = api.post(HANDOFFS, VALID.replace("}", ",\"requiresApproval\":true}")).send().json().get("id").asText();
        api.post(STATE, "{\"id\":\"CONV-1\",\"data\":{}}").send();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                request("list", (api, pending) -> api.get(HANDOFFS + "?status=pending")),
                request("create", (api, pending) -> api.post(HANDOFFS, VALID).header("Idempotency-Key", "retry-me")),
                request("get", (api, pending) -> api.get(HANDOFFS + "/" + pending)),
                request("approve", (api, pending) -> api.patch(HANDOFFS + "/" + pending, "{\"action\":\"approve\"}")),
                request("read state", (api, pending) -> api.get(STATE + "?id=CONV-1")),
                request("record state", (api, pending) -> api.post(STATE, "{\"id\":\"CONV-2\",\"data\":{\"n\":1}}")));
    }

    private static Arguments request(String name, BiFunction<RunningApi, String, RunningApi.Call> call) {
        return Arguments.of(name, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void while_the_database_cannot_be_reached_a_request_is_refused_with_503_and_retry_after(
            String name, BiFunction<RunningApi, String, RunningApi.Call> request) {
        // given
        api.world.transactions.failWith(OUTAGE);
        Object before = api.world.contents();

        // when
        RunningApi.Reply refused = request.apply(api, pending).send();

        // then
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).contains("5");
        assertThat(refused.json().get("type").asText()).isEqualTo("https://handoff.dev/problems/unavailable");
        assertThat(refused.json().get("status").asInt()).isEqualTo(503);
        assertThat(refused.body()).doesNotContain("db.internal", "5432", "SQL", "Exception", "dev.handoff");
        assertThat(api.world.contents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void once_the_database_is_back_the_same_request_succeeds(
            String name, BiFunction<RunningApi, String, RunningApi.Call> request) {
        // given
        api.world.transactions.failWith(OUTAGE);
        request.apply(api, pending).send();

        // when
        api.world.transactions.recover();
        RunningApi.Reply retried = request.apply(api, pending).send();

        // then
        assertThat(retried.status()).as(retried.toString()).isBetween(200, 201);
    }

    @Test
    void an_outage_is_logged_once_for_many_refusals_with_the_failure_behind_it() {
        // given
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger mapper = (Logger) LoggerFactory.getLogger(DomainExceptionMappers.UnavailableMapper.class);
        log.start();
        mapper.addAppender(log);
        mapper.setAdditive(false);
        api.world.transactions.failWith(OUTAGE);

        // when
        for (int request = 0; request < 5; request++) {
            api.get(HANDOFFS).send();
        }

        // then
        mapper.detachAppender(log);
        mapper.setAdditive(true);
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("GET /api/handoffs", "SQLException",
                    "Connection to db.internal:5432 refused");
        });
    }

    @Test
    void the_api_description_is_served_while_the_database_cannot_be_reached() {
        // given
        api.world.transactions.failWith(OUTAGE);

        // when
        RunningApi.Reply description = api.get("/openapi.json").withoutHeader(ApiKeyFilter.HEADER).send();

        // then
        assertThat(description.status()).isEqualTo(200);
    }
}
