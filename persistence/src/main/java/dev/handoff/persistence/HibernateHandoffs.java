package dev.handoff.persistence;

import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffFilter;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.out.Handoffs;
import org.hibernate.Session;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * Handoffs in the {@code handoff} table. One handoff is read by its primary key alone and one of
 * another tenant is treated as absent; a list names the tenant in its query.
 */
final class HibernateHandoffs implements Handoffs {

    private final Sessions sessions;

    HibernateHandoffs(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Handoff> find(Tenant tenant, HandoffId id) {
        Session session = sessions.current();
        return stored(session, tenant, id).map(HandoffEntity::toHandoff);
    }

    @Override
    public void add(Handoff handoff) {
        sessions.current().persist(HandoffEntity.of(handoff));
    }

    /**
     * Checks the version now against what this transaction reads, and lets Hibernate check it
     * again in the UPDATE ("... AND version = ?"), flushed right away: a transaction that raced
     * this one and committed first makes it a Conflict here, never a lost update.
     */
    @Override
    public void update(Handoff handoff) {
        Session session = sessions.current();
        HandoffEntity stored = stored(session, handoff.tenant(), handoff.id())
                .filter(entity -> entity.version() == handoff.version() - 1)
                .orElseThrow(() -> Conflict.concurrentUpdate(handoff.id()));
        stored.takeChangesFrom(handoff);
        try {
            session.flush();
        } catch (RuntimeException failure) {
            throw ConcurrentWrites.isLostRace(failure) ? Conflict.concurrentUpdate(handoff.id()) : failure;
        }
    }

    /** Read in plain SQL, not as entities: see {@link HandoffPages}. */
    @Override
    public List<Handoff> list(Tenant tenant, HandoffFilter filter, int limit) {
        Connection connection = sessions.flushedConnection();
        if (limit <= 0
                || NulCharacters.anyIn(tenant.accountId(), tenant.projectId(), filter.recipient().orElse(null))) {
            return List.of();
        }
        return HandoffPages.read(connection, tenant, filter, limit);
    }

    /**
     * By primary key alone, which every database resolves through its unique index: with the tenant
     * in the query too, PostgreSQL on statistics older than the table's growth chose a tenant's
     * list index and read all of the tenant's rows (1.3 ms per read at 16,000). The
     * session keeps what it read, so a move reads the row once.
     */
    private static Optional<HandoffEntity> stored(Session session, Tenant tenant, HandoffId id) {
        return Optional.ofNullable(session.find(HandoffEntity.class, id.value()))
                .filter(entity -> entity.belongsTo(tenant));
    }
}
