package dev.handoff.persistence;

import java.sql.SQLException;

/** The database could not do what was asked (unreachable, broken connection, commit refused). */
public final class DatabaseFailure extends RuntimeException {

    public DatabaseFailure(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
