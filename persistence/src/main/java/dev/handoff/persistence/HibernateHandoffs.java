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

/** Handoffs in the {@code handoff} table; every query names the tenant, so other tenants' rows are never read. */
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

    private static Optional<HandoffEntity> stored(Session session, Tenant tenant, HandoffId id) {
        if (NulCharacters.anyIn(tenant.accountId(), tenant.projectId())) {
            return Optional.empty();
        }
        return session.createQuery("from Handoff h where h.id = :id and h.accountId = :account"
                        + " and h.projectId = :project", HandoffEntity.class)
                .setParameter("id", id.value())
                .setParameter("account", tenant.accountId())
                .setParameter("project", tenant.projectId())
                .uniqueResultOptional();
    }
}
