package dev.handoff.persistence;

import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.NotFound;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which database failures mean "someone else wrote first", and become the domain's Conflict. */
class ConcurrentWritesTest {

    private static final HandoffId ID = new HandoffId(UUID.fromString("0190f5a4-7b3c-7d2e-9f10-1a2b3c4d5e6f"));

    static Stream<Arguments> lost_races() {
        return Stream.of(
                Arguments.of("a stale version found at flush", new OptimisticLockException("row count 0")),
                Arguments.of("HSQLDB's MVCC serialization failure (40001)", new LockAcquisitionException(
                        "could not execute batch", new SQLException("transaction rollback", "40001"))),
                Arguments.of("a PostgreSQL deadlock (40P01)", new LockAcquisitionException(
                        "could not execute batch", new SQLException("deadlock detected", "40P01"))),
                Arguments.of("the same key inserted twice (23505)", new ConstraintViolationException(
                        "duplicate key", new SQLException("duplicate key value", "23505"), "idempotency_key_pk")),
                Arguments.of("a refused commit", new DatabaseFailure("commit failed",
                        new SQLException("serialization failure", "40001"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lost_races")
    void a_lost_race_becomes_a_conflict(String description, RuntimeException failure) {
        assertThat(ConcurrentWrites.translate(failure)).isInstanceOf(Conflict.class);
    }

    @Test
    void a_stale_handoff_becomes_a_conflict_naming_it() {
        // given
        RuntimeException failure = new OptimisticLockException(new StaleObjectStateException(
                HandoffEntity.class.getName(), ID.value()));

        // when
        RuntimeException translated = ConcurrentWrites.translate(failure);

        // then
        assertThat(translated).isInstanceOf(Conflict.class).hasMessage(Conflict.concurrentUpdate(ID).getMessage());
    }

    static Stream<Arguments> other_failures() {
        return Stream.of(
                Arguments.of("a value too long for its column (22001)", new DataException("too long",
                        new SQLException("value too long", "22001"))),
                Arguments.of("a lost connection (08006)", new DatabaseFailure("commit failed",
                        new SQLException("connection reset", "08006"))),
                Arguments.of("a domain refusal", new NotFound("no handoff " + ID)),
                Arguments.of("a programming error", new IllegalStateException("bug")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("other_failures")
    void any_other_failure_passes_unchanged(String description, RuntimeException failure) {
        assertThat(ConcurrentWrites.translate(failure)).isSameAs(failure);
    }
}
