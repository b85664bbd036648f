package dev.handoff.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The database as Handoff opens it for the given settings, without Handoff's tables: the connection
 * pool and, when embedded, the HSQLDB files with Handoff's settings. {@link HandoffPersistence#open}
 * adds Handoff's schema and mapping; another system meant to run on the same database setup (the
 * benchmark's references) opens this alone.
 */
public final class HandoffDatabase implements AutoCloseable {

    private static final Duration MAX_VALIDATION_TIMEOUT = Duration.ofSeconds(5);

    private final PersistenceSettings settings;
    private final HikariDataSource pool;
    private final DataSource dataSource;
    /** The embedded database was created by this opening: schemas are still to come. */
    private final boolean createdEmbedded;
    private boolean closed;

    private HandoffDatabase(PersistenceSettings settings, HikariDataSource pool, boolean createdEmbedded) {
        this.settings = settings;
        this.pool = pool;
        this.dataSource = settings.isEmbedded() ? CompiledStatements.keptOn(pool) : pool;
        this.createdEmbedded = createdEmbedded;
    }

    /** Opens the pool; an embedded database is created on first use. */
    public static HandoffDatabase open(PersistenceSettings settings) {
        if (settings.isEmbedded()) {
            EmbeddedHsqldb.configure(settings);
        }
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(poolConfig(settings));
            return new HandoffDatabase(settings, pool, settings.isEmbedded() && hasNoTables(pool));
        } catch (RuntimeException failure) {
            if (pool != null) {
                pool.close();
            }
            if (settings.isEmbedded()) {
                EmbeddedHsqldb.shutdown(settings);
            }
            throw failure;
        }
    }

    /** The pool; on the embedded database it keeps each statement compiled per connection. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The pool as HikariCP gives it, for creating schemas (statements run once). */
    DataSource plainPool() {
        return pool;
    }

    /**
     * Runs {@code work} that creates schemas in this database. When this opening created the embedded
     * database, the work runs with the log synced at its end rather than after every statement (the
     * Camunda engine's schema is some 330 statements; syncing each added a quarter of a second to a
     * first start). Nothing is acknowledged to anyone meanwhile; a checkpoint makes it all durable
     * before this returns, and every commit after it is synced again. Otherwise the work simply runs.
     */
    public <T> T creatingSchemas(Supplier<T> work) {
        if (!createdEmbedded) {
            return work.get();
        }
        execute(pool, "SET FILES WRITE DELAY TRUE");
        try {
            return work.get();
        } finally {
            execute(pool, "SET FILES WRITE DELAY FALSE");
            execute(pool, "CHECKPOINT");
        }
    }

    /** Closes the pool, then shuts the embedded database down cleanly, so that it reopens without recovery. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.close();
        if (settings.isEmbedded()) {
            // after the pool, so that no pooled connection races the shutdown
            EmbeddedHsqldb.shutdown(settings);
        }
    }

    private static boolean hasNoTables(DataSource database) {
        try (Connection connection = database.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            return !tables.next();
        } catch (SQLException failure) {
            throw new DatabaseFailure("cannot read the embedded database's tables", failure);
        }
    }

    private static void execute(DataSource database, String sql) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new DatabaseFailure("cannot run " + sql + " on the embedded database", failure);
        }
    }

    private static HikariConfig poolConfig(PersistenceSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        // how long a request waits for a connection before it is refused as unavailable (an outage)
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // a connection idle for a while is checked before it is lent; the check must not outlast the wait
        config.setValidationTimeout(Math.min(MAX_VALIDATION_TIMEOUT.toMillis(),
                settings.connectionTimeout().toMillis()));
        if (settings.isPostgres()) {
            // as text: the driver reads its properties with getProperty, which skips any other type
            config.addDataSourceProperty("socketTimeout", String.valueOf(settings.socketTimeout().toSeconds()));
        }
        config.setPoolName("handoff");
        return config;
    }
}
