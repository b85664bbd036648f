package dev.handoff.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.out.ApiKeys;
import dev.handoff.domain.port.out.HandoffBus;
import dev.handoff.domain.port.out.HandoffStates;
import dev.handoff.domain.port.out.Handoffs;
import dev.handoff.domain.port.out.IdempotencyKeys;
import dev.handoff.domain.port.out.Transactions;
import org.hibernate.SessionFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The persistence adapter's entry point: the connection pool, the transactions every use case runs
 * in, the data source the Camunda engine shares them through, and the repositories.
 *
 * <p>The repositories work only inside a unit of work ({@link #transactions()}); outside one they
 * throw IllegalStateException. Everything a unit writes through them, through
 * {@link #transactionBoundDataSource()} and through the outbox commits together or not at all.
 */
public final class HandoffPersistence implements AutoCloseable {

    private static final Duration MAX_VALIDATION_TIMEOUT = Duration.ofSeconds(5);

    private final DataSource pool;
    private final SessionFactory sessionFactory;
    /** Releases what this instance opened itself (its pool, the embedded database); nothing for a borrowed data source. */
    private final Runnable release;
    /** This instance created the embedded database it opened: the engine's schema is still to come. */
    private final boolean createdEmbedded;
    private volatile boolean closed;
    private final ThreadBoundTransactions transactions;
    private final BoundDataSource boundDataSource;
    private final Handoffs handoffs;
    private final HandoffStates handoffStates;
    private final ApiKeys apiKeys;
    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;

    private HandoffPersistence(DataSource pool, SessionFactory sessionFactory, Runnable release,
                               boolean createdEmbedded) {
        this.pool = pool;
        this.sessionFactory = sessionFactory;
        this.release = release;
        this.createdEmbedded = createdEmbedded;
        this.transactions = new ThreadBoundTransactions(pool, HandoffPersistence::refusal);
        this.boundDataSource = new BoundDataSource(pool, transactions);
        Sessions sessions = new Sessions(sessionFactory, transactions);
        this.handoffs = new HibernateHandoffs(sessions);
        this.handoffStates = new HibernateHandoffStates(sessions);
        this.apiKeys = new HibernateApiKeys(sessions);
        this.idempotencyKeys = new HibernateIdempotencyKeys(sessions);
        this.outbox = new Outbox(sessions);
    }

    /**
     * The one place where database failures become the domain's refusals: an outage (Unavailable)
     * first, since a broken connection may also fail the statement that was racing, then a lost race
     * (Conflict); anything else stays as it is.
     */
    static RuntimeException refusal(RuntimeException failure) {
        return ConcurrentWrites.translate(DatabaseOutages.translate(failure));
    }

    /** Opens the pool, brings the schema up to date and validates the mapping against it. */
    public static HandoffPersistence open(PersistenceSettings settings) {
        if (settings.isEmbedded()) {
            EmbeddedHsqldb.configure(settings);
        }
        HikariDataSource pool = null;
        try {
            HikariDataSource opened = new HikariDataSource(poolConfig(settings));
            pool = opened;
            boolean created = settings.isEmbedded() && hasNoTables(opened);
            SessionFactory sessionFactory = withLogSyncedAtTheEnd(opened, created, () -> {
                Schema.migrate(opened);
                return Orm.sessionFactory(opened);
            });
            DataSource database = settings.isEmbedded() ? CompiledStatements.keptOn(opened) : opened;
            return new HandoffPersistence(database, sessionFactory, () -> {
                opened.close();
                if (settings.isEmbedded()) {
                    // after the pool, so that no pooled connection races the shutdown
                    EmbeddedHsqldb.shutdown(settings);
                }
            }, created);
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

    /**
     * Works on a data source its owner already has (a BPM team's engine database): brings the schema
     * up to date there and validates the mapping. {@link #close()} leaves that data source open.
     */
    public static HandoffPersistence on(DataSource existing) {
        Schema.migrate(existing);
        return new HandoffPersistence(existing, Orm.sessionFactory(existing), () -> { }, false);
    }

    /**
     * Runs {@code work} that creates other schemas in this database (building the Camunda engine,
     * which creates its tables in a new database). When this instance created the embedded database,
     * the work runs with the log synced at its end rather than after every statement: the engine's
     * schema is some 330 statements, and syncing each added a quarter of a second to a first start. Nothing is
     * acknowledged to anyone meanwhile; a checkpoint makes it all durable before this returns, and
     * every commit after it is synced again. Otherwise the work simply runs.
     */
    public <T> T creatingSchemas(Supplier<T> work) {
        return withLogSyncedAtTheEnd(pool, createdEmbedded, work);
    }

    private static <T> T withLogSyncedAtTheEnd(DataSource database, boolean relax, Supplier<T> work) {
        if (!relax) {
            return work.get();
        }
        execute(database, "SET FILES WRITE DELAY TRUE");
        try {
            return work.get();
        } finally {
            execute(database, "SET FILES WRITE DELAY FALSE");
            execute(database, "CHECKPOINT");
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

    public Handoffs handoffs() {
        return handoffs;
    }

    public HandoffStates handoffStates() {
        return handoffStates;
    }

    /** API keys; only the hash of a key's secret is stored. */
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    /** The handoff bus, as an outbox table written in the publishing transaction. */
    public HandoffBus bus() {
        return outbox;
    }

    /** The types of the events stored for a handoff, oldest first (for operators and tests). */
    public List<String> eventTypes(Tenant tenant, HandoffId handoffId) {
        return transactions.inTransaction(() -> outbox.typesOf(tenant, handoffId));
    }

    /** How many events of a type (e.g. {@code handoff.expired}) were stored, all tenants together. */
    public long eventCount(String type) {
        return transactions.inTransaction(() -> outbox.count(type));
    }

    /** Closes what this instance opened; the embedded database is shut down cleanly, so it reopens without recovery. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        sessionFactory.close();
        release.run();
    }
}
