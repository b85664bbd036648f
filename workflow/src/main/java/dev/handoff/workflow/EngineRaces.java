package dev.handoff.workflow;

import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.HandoffId;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * When two requests move the same process at once, the engine tells the loser in several ways: an
 * {@link OptimisticLockingException}, a {@link NullValueException} (the task is gone), even a raw
 * {@link NullPointerException}, or the database's own "transaction rollback" (SQLSTATE class 40).
 * All of them mean that someone else decided first (design.md, trap 7): a {@link Conflict}.
 */
final class EngineRaces {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRaces.class);

    private EngineRaces() {
    }

    static <T> T lostRaceIsConflict(HandoffId id, Supplier<T> engineCall) {
        try {
            return engineCall.get();
        } catch (RuntimeException failure) {
            if (!isLostRace(failure)) {
                throw failure;
            }
            LOG.debug("handoff {}: the engine lost a race with another request", id, failure);
            throw Conflict.concurrentUpdate(id);
        }
    }

    static boolean isLostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof NullValueException
                    || cause instanceof NullPointerException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
