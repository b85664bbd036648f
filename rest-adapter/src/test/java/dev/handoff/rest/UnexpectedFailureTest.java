package dev.handoff.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** What the client sees when the server itself fails: a 500 problem without internals, and nothing written. */
class UnexpectedFailureTest {

    private static final String VALID = """
            {"fromProfileId":"analyst-agent","toProfileId":"reviewer-agent","subject":"s","body":"b"}""";

    private RunningApi api;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger mappers = (Logger) LoggerFactory.getLogger(HttpExceptionMappers.class);

    @BeforeEach
    void start() {
        api = RunningApi.start();
        log.start();
        mappers.addAppender(log);
        mappers.setAdditive(false); // the expected stack trace stays out of the build's output
    }

    @AfterEach
    void stop() {
        mappers.detachAppender(log);
        mappers.setAdditive(true);
        api.close();
    }

    @Test
    void a_failing_workflow_is_a_500_problem_that_reveals_nothing_and_writes_nothing() {
        // given
        api.world.process.failWith(new IllegalStateException("engine unreachable at jdbc:postgresql://db/handoff"));
        RunningApi.Written before = api.written();

        // when
        RunningApi.Reply failed = api.post("/api/handoffs", VALID).send();

        // then
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.json().get("type").asText()).isEqualTo("https://handoff.dev/problems/internal-error");
        assertThat(failed.body()).doesNotContain("engine", "jdbc", "Exception", "dev.handoff");
        assertThat(api.written()).isEqualTo(before);
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("POST /api/handoffs");
            assertThat(event.getThrowableProxy().getMessage()).contains("engine unreachable");
        });
    }

    @Test
    void the_server_answers_normally_once_the_failure_is_gone() {
        // given
        api.world.process.failWith(new IllegalStateException("engine unreachable"));
        api.post("/api/handoffs", VALID).send();
        api.world.process.recover();

        // when
        RunningApi.Reply created = api.post("/api/handoffs", VALID).send();

        // then
        assertThat(created.status()).isEqualTo(201);
        assertThat(api.world.handoffs.size()).isEqualTo(1);
    }
}
