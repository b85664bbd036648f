package dev.handoff.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.handoff.domain.port.out.Transactions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The persistence adapter's entry point: the connection pool, the transactions every use case runs
 * in, the data source the Camunda engine shares them through, and the repositories.
 */
public final class HandoffPersistence implements AutoCloseable {

    private final PersistenceSettings settings;
    private final HikariDataSource pool;
    private final ThreadBoundTransactions transactions;
    private final BoundDataSource boundDataSource;

    private HandoffPersistence(PersistenceSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
        this.transactions = new ThreadBoundTransactions(pool, failure -> failure);
        this.boundDataSource = new BoundDataSource(pool, transactions);
    }

    public static HandoffPersistence open(PersistenceSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setPoolName("handoff");
        return new HandoffPersistence(settings, new HikariDataSource(config));
    }

    /** Units of work: join the thread's transaction or begin one. */
    public Transactions transactions() {
        return transactions;
    }

    /** For the Camunda engine (run with externally managed transactions): joins the thread's unit of work. */
    public DataSource transactionBoundDataSource() {
        return boundDataSource;
    }

    /** The pool itself, for health checks and operators. */
    public DataSource dataSource() {
        return pool;
    }

    /** Closes the pool; the embedded database is shut down cleanly first, so it reopens without recovery. */
    @Override
    public void close() {
        if (pool.isClosed()) {
            return;
        }
        pool.close();
        if (settings.isEmbedded()) {
            // after the pool, so that no pooled connection races the shutdown
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                    settings.password()); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException alreadyDown) {
                // nothing left to shut down
            }
        }
    }
}
