package dev.handoff.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Where units of work get their connection. Normally straight from the pool, waiting at most its
 * connection timeout. Once a wait has ended without a connection (the database is unreachable),
 * one unit at a time waits again, to find out when it is back; every other unit is refused at once.
 * Without this, each request would hold a server thread for the whole timeout, and requests queued
 * behind them would wait several timeouts before their refusal.
 */
final class ConnectionGate {

    private final DataSource pool;
    private final AtomicBoolean unreachable = new AtomicBoolean();
    private final Semaphore probe = new Semaphore(1);

    ConnectionGate(DataSource pool) {
        this.pool = pool;
    }

    Connection connect() throws SQLException {
        if (!unreachable.get()) {
            return waitForConnection();
        }
        if (!probe.tryAcquire()) {
            throw new SQLTransientConnectionException(
                    "the database was unreachable and another unit of work is waiting to see it back", "08001");
        }
        try {
            return waitForConnection();
        } finally {
            probe.release();
        }
    }

    private Connection waitForConnection() throws SQLException {
        try {
            Connection connection = pool.getConnection();
            unreachable.set(false);
            return connection;
        } catch (SQLException failure) {
            if (DatabaseOutages.isOutage(failure)) {
                unreachable.set(true);
            }
            throw failure;
        }
    }
}
