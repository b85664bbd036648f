package dev.handoff.persistence;

import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.NotFound;
import dev.handoff.domain.model.Unavailable;
import org.hibernate.exception.DataException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which database failures mean "the database cannot be reached", and become the domain's Unavailable. */
class DatabaseOutagesTest {

    static Stream<Arguments> outages() {
        return Stream.of(
                Arguments.of("the pool's wait for a connection timed out", new DatabaseFailure(
                        "cannot begin a transaction", new SQLTransientConnectionException(
                        "handoff - Connection is not available, request timed out after 1000ms"))),
                Arguments.of("nobody listens (08001)", new DatabaseFailure("cannot begin a transaction",
                        new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))),
                Arguments.of("the socket broke during the commit (08006)", new DatabaseFailure("commit failed",
                        new SQLException("An I/O error occurred while sending to the backend", "08006"))),
                Arguments.of("the connection was closed under the statement (08003)", new IllegalStateException(
                        "flush failed", new SQLException("This connection has been closed", "08003"))),
                Arguments.of("Hibernate's connection failure", new JDBCConnectionException("could not execute query",
                        new SQLException("I/O error", "08006"))),
                Arguments.of("PostgreSQL shuts down (57P01)", new DataException("could not execute statement",
                        new SQLException("terminating connection due to administrator command", "57P01"))),
                Arguments.of("PostgreSQL is still starting (57P03)", new DatabaseFailure("cannot begin a transaction",
                        new SQLException("the database system is starting up", "57P03"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outages")
    void an_outage_becomes_unavailable_keeping_the_failure_for_the_log(String description, RuntimeException failure) {
        // when
        RuntimeException refusal = HandoffPersistence.refusal(failure);

        // then
        assertThat(refusal).isInstanceOf(Unavailable.class).hasCause(failure);
        assertThat(refusal.getMessage()).doesNotContain("127.0.0.1", "SQL", "Exception");
    }

    static Stream<Arguments> not_outages() {
        return Stream.of(
                Arguments.of("a lost race (40001) stays a conflict", new LockAcquisitionException(
                        "could not execute batch", new SQLException("transaction rollback", "40001")), Conflict.class),
                Arguments.of("a value too long (22001) stays what it is", new DataException("too long",
                        new SQLException("value too long", "22001")), DataException.class),
                Arguments.of("a closed pool stays what it is", new DatabaseFailure("cannot begin a transaction",
                        new SQLException("HikariDataSource (handoff) has been closed.")), DatabaseFailure.class),
                Arguments.of("a domain refusal stays what it is", new NotFound("no handoff"), NotFound.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("not_outages")
    void other_failures_are_not_mistaken_for_an_outage(String description, RuntimeException failure,
                                                       Class<? extends RuntimeException> expected) {
        assertThat(HandoffPersistence.refusal(failure)).isExactlyInstanceOf(expected);
    }

    @Test
    void an_unavailable_refusal_from_below_passes_unchanged() {
        // given
        Unavailable already = new Unavailable("the database cannot be reached", new SQLException("gone", "08006"));

        // then
        assertThat(HandoffPersistence.refusal(already)).isSameAs(already);
    }
}
