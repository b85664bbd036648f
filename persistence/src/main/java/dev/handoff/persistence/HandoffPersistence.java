package dev.handoff.persistence;

import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.out.ApiKeys;
import dev.handoff.domain.port.out.HandoffBus;
import dev.handoff.domain.port.out.HandoffStates;
import dev.handoff.domain.port.out.Handoffs;
import dev.handoff.domain.port.out.IdempotencyKeys;
import dev.handoff.domain.port.out.Transactions;
import org.hibernate.SessionFactory;

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

    private final DataSource pool;
    private final SessionFactory sessionFactory;
    /** The database this instance opened itself, closed with it; null for a borrowed data source. */
    private final HandoffDatabase opened;
    private volatile boolean closed;
    private final ThreadBoundTransactions transactions;
    private final BoundDataSource boundDataSource;
    private final Handoffs handoffs;
    private final HandoffStates handoffStates;
    private final ApiKeys apiKeys;
    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;

    private HandoffPersistence(DataSource pool, SessionFactory sessionFactory, HandoffDatabase opened) {
        this.pool = pool;
        this.sessionFactory = sessionFactory;
        this.opened = opened;
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
        HandoffDatabase database = HandoffDatabase.open(settings);
        try {
            SessionFactory sessionFactory = database.creatingSchemas(() -> {
                Schema.migrate(database.plainPool());
                return Orm.sessionFactory(database.plainPool());
            });
            return new HandoffPersistence(database.dataSource(), sessionFactory, database);
        } catch (RuntimeException failure) {
            database.close();
            throw failure;
        }
    }

    /**
     * Works on a data source its owner already has (a BPM team's engine database): brings the schema
     * up to date there and validates the mapping. {@link #close()} leaves that data source open.
     */
    public static HandoffPersistence on(DataSource existing) {
        Schema.migrate(existing);
        return new HandoffPersistence(existing, Orm.sessionFactory(existing), null);
    }

    /**
     * Runs {@code work} that creates other schemas in this database (building the Camunda engine,
     * which creates its tables in a new database): see {@link HandoffDatabase#creatingSchemas}. On a
     * borrowed data source the work simply runs.
     */
    public <T> T creatingSchemas(Supplier<T> work) {
        return opened == null ? work.get() : opened.creatingSchemas(work);
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
        if (opened != null) {
            opened.close();
        }
    }
}
