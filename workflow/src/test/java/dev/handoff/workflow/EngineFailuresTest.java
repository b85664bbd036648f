package dev.handoff.workflow;

import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.NotFound;
import dev.handoff.domain.model.Unavailable;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a failed engine command is refused: a database that cannot be reached is Unavailable, whether
 * the command starts a process or moves one, and before anything that looks like a lost race.
 */
class EngineFailuresTest {

    private static final HandoffId ID = new HandoffId(UUID.randomUUID());

    static Stream<Arguments> outages() {
        return Stream.of(
                Arguments.of("the socket broke as the engine flushed (08006)", new ProcessEngineException(
                        "ENGINE-03083 Exception while executing Batch Database Operations",
                        new RuntimeException("### Error flushing statements", new SQLException(
                                "An I/O error occurred while sending to the backend.", "08006")))),
                Arguments.of("the pool timed out waiting for a connection", new ProcessEngineException(
                        "ENGINE-03004 Exception while executing Database Operation", new SQLTransientConnectionException(
                        "handoff - Connection is not available, request timed out after 1000ms"))),
                Arguments.of("PostgreSQL shuts down (57P01)", new ProcessEngineException("query failed",
                        new SQLException("terminating connection due to administrator command", "57P01"))),
                Arguments.of("a broken connection that also dropped a null on the way", new ProcessEngineException(
                        "flush failed", new SQLException("This connection has been closed.", "08003",
                        new NullPointerException()))));
    }

    @ParameterizedTest(name = "moving: {0}")
    @MethodSource("outages")
    void an_outage_while_moving_a_process_is_unavailable_not_a_conflict(String description, RuntimeException outage) {
        assertThatThrownBy(() -> EngineFailures.moving(ID, () -> {
            throw outage;
        })).isInstanceOf(Unavailable.class).hasCause(outage);
    }

    @ParameterizedTest(name = "starting: {0}")
    @MethodSource("outages")
    void an_outage_while_starting_a_process_is_unavailable(String description, RuntimeException outage) {
        assertThatThrownBy(() -> EngineFailures.starting(() -> {
            throw outage;
        })).isInstanceOf(Unavailable.class).hasCause(outage);
    }

    @Test
    void starting_a_process_never_mistakes_a_failure_for_a_lost_race() {
        // given
        NullPointerException bug = new NullPointerException("a bug, not a race: a new process has no rival");

        // when / then
        assertThatThrownBy(() -> EngineFailures.starting(() -> {
            throw bug;
        })).isSameAs(bug);
    }

    @Test
    void a_refusal_from_below_passes_unchanged() {
        // given
        NotFound notFound = NotFound.handoff(ID);

        // when / then
        assertThatThrownBy(() -> EngineFailures.moving(ID, () -> {
            throw notFound;
        })).isSameAs(notFound);
    }

    @Test
    void a_lost_race_is_still_a_conflict() {
        assertThatThrownBy(() -> EngineFailures.moving(ID, () -> {
            throw new ProcessEngineException("flush failed", new SQLException("deadlock detected", "40P01"));
        })).isInstanceOf(Conflict.class);
    }
}
