package dev.handoff.persistence;

import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.DomainException;
import dev.handoff.domain.model.HandoffId;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.StaleStateException;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Recognises the ways a database says "another transaction wrote these rows first" and says it in
 * the domain's words: a {@link Conflict}, which the caller may retry after reading again.
 */
final class ConcurrentWrites {

    /** serialization_failure (HSQLDB's MVCC for racing writers) and PostgreSQL's deadlock_detected. */
    private static final Set<String> RACE_STATES = Set.of("40001", "40P01");
    /** unique_violation: two transactions inserted the same key (an Idempotency-Key, say). */
    private static final String DUPLICATE_STATE = "23505";
    private static final int DEEPEST_CAUSE = 20;

    private ConcurrentWrites() {
    }

    /** {@code failure} as a Conflict when it is a lost race, else unchanged. */
    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof DomainException) {
            return failure;
        }
        Optional<HandoffId> staleHandoff = staleHandoff(failure);
        if (staleHandoff.isPresent()) {
            return Conflict.concurrentUpdate(staleHandoff.get());
        }
        if (isLostRace(failure)) {
            return new Conflict("another request changed the same data at the same time; read it again and retry");
        }
        if (hasSqlState(failure, Set.of(DUPLICATE_STATE))) {
            return new Conflict("another request stored the same record at the same time; retry the request");
        }
        return failure;
    }

    /** True when {@code failure} means a concurrent transaction won a race for the same rows. */
    static boolean isLostRace(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                return true;
            }
        }
        return hasSqlState(failure, RACE_STATES);
    }

    private static Optional<HandoffId> staleHandoff(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            // the handoff is the only versioned entity, and the only one with a UUID for an id
            if (cause instanceof StaleObjectStateException stale && stale.getIdentifier() instanceof UUID id) {
                return Optional.of(new HandoffId(id));
            }
        }
        return Optional.empty();
    }

    private static boolean hasSqlState(Throwable failure, Set<String> states) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            // a driver or the pool may give no SQLState at all
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && states.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
