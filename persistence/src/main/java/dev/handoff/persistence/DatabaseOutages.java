package dev.handoff.persistence;

import dev.handoff.domain.model.DomainException;
import dev.handoff.domain.model.Unavailable;
import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Recognises the ways a database says "I cannot be reached" and says it in the domain's words: an
 * {@link Unavailable}, which the caller may retry a little later. The pool gives up waiting for a
 * connection ({@link SQLTransientConnectionException} after its connection timeout), the driver loses
 * its socket (SQLState class 08, which Hibernate reports as {@link JDBCConnectionException}), or the
 * server is shutting down or starting up (57P01–57P03).
 */
final class DatabaseOutages {

    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** admin_shutdown, crash_shutdown, cannot_connect_now: PostgreSQL stops or is not ready yet. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    private static final int DEEPEST_CAUSE = 20;

    private DatabaseOutages() {
    }

    /** {@code failure} as Unavailable when the database could not be reached, else unchanged. */
    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof DomainException || !isOutage(failure)) {
            return failure;
        }
        return new Unavailable("the database cannot be reached; retry in a few seconds", failure);
    }

    static boolean isOutage(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
                    || SERVER_GOING_AWAY.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
