package dev.handoff.persistence;

import dev.handoff.domain.model.HandoffEvent;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.out.HandoffBus;
import org.hibernate.Session;

import java.util.List;

/**
 * The handoff bus as an outbox: each published event becomes a {@code handoff_event} row in the
 * publishing transaction, so an event exists exactly when the change it reports was committed.
 */
final class Outbox implements HandoffBus {

    private final Sessions sessions;

    Outbox(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void publish(HandoffEvent event) {
        sessions.current().persist(HandoffEventEntity.of(event));
    }

    /** The types of a handoff's events, oldest first. */
    List<String> typesOf(Tenant tenant, HandoffId handoffId) {
        Session session = sessions.current();
        if (NulCharacters.anyIn(tenant.accountId(), tenant.projectId())) {
            return List.of();
        }
        return session
                .createQuery("select e.type from HandoffEvent e where e.handoffId = :handoff"
                        + " and e.accountId = :account and e.projectId = :project order by e.id", String.class)
                .setParameter("handoff", handoffId.value())
                .setParameter("account", tenant.accountId())
                .setParameter("project", tenant.projectId())
                .getResultList();
    }

    /** How many events of {@code type} were stored, all tenants together. */
    long count(String type) {
        return sessions.current()
                .createQuery("select count(e) from HandoffEvent e where e.type = :type", Long.class)
                .setParameter("type", type)
                .getSingleResult();
    }
}
