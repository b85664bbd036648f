package dev.handoff.workflow;

import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.DomainException;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Unavailable;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a failed engine command means in the domain's words — the one place the workflow adapter
 * decides it. The database could not be reached (SQLState class 08, a server going away, the pool
 * out of time): {@link Unavailable}, checked first, since a broken connection can surface in any
 * shape. Another request moved the same process first (design.md, trap 7): the engine says so with
 * an {@link OptimisticLockingException}, a {@link NullValueException} (the task is gone), even a raw
 * {@link NullPointerException}, or the database's "transaction rollback" (class 40): {@link Conflict}.
 */
final class EngineFailures {

    private static final Logger LOG = LoggerFactory.getLogger(EngineFailures.class);
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    private static final String TRANSACTION_ROLLBACK_CLASS = "40";
    /** admin_shutdown, crash_shutdown, cannot_connect_now: PostgreSQL stops or is not ready yet. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    private static final int DEEPEST_CAUSE = 20;

    private EngineFailures() {
    }

    /** Runs the command that starts a handoff's process; it races with nobody, so only an outage is refused. */
    static <T> T starting(Supplier<T> engineCall) {
        try {
            return engineCall.get();
        } catch (DomainException refusal) {
            throw refusal;
        } catch (RuntimeException failure) {
            throw isOutage(failure) ? unavailable(failure) : failure;
        }
    }

    /** Runs a command that moves handoff {@code id}'s process: an outage or a lost race is refused. */
    static <T> T moving(HandoffId id, Supplier<T> engineCall) {
        try {
            return engineCall.get();
        } catch (DomainException refusal) {
            throw refusal;
        } catch (RuntimeException failure) {
            if (isOutage(failure)) {
                throw unavailable(failure);
            }
            if (isLostRace(failure)) {
                LOG.debug("handoff {}: the engine lost a race with another request", id, failure);
                throw Conflict.concurrentUpdate(id);
            }
            throw failure;
        }
    }

    private static Unavailable unavailable(RuntimeException failure) {
        return new Unavailable("the database cannot be reached; retry in a few seconds", failure);
    }

    static boolean isOutage(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_GOING_AWAY.contains(state))) {
                return true;
            }
        }
        return false;
    }

    static boolean isLostRace(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof NullValueException
                    || cause instanceof NullPointerException) {
                return true;
            }
            String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && state.startsWith(TRANSACTION_ROLLBACK_CLASS)) {
                return true;
            }
        }
        return false;
    }
}
