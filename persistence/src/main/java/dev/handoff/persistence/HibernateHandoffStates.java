package dev.handoff.persistence;

import dev.handoff.domain.model.HandoffState;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.out.HandoffStates;
import org.hibernate.Session;

import java.util.Optional;

/** Handoff state in the {@code handoff_state} table: each write a new row, the latest one read back. */
final class HibernateHandoffStates implements HandoffStates {

    private final Sessions sessions;

    HibernateHandoffStates(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void put(HandoffState state) {
        sessions.current().persist(HandoffStateEntity.of(state));
    }

    @Override
    public Optional<HandoffState> byConversationId(Tenant tenant, String conversationId) {
        return latest(tenant, "conversationId", conversationId);
    }

    @Override
    public Optional<HandoffState> bySharedId(Tenant tenant, String sharedId) {
        return latest(tenant, "sharedId", sharedId);
    }

    /**
     * {@code column} is one of the two attribute names above, never input. The ORDER BY names the
     * index's columns, as in {@link HandoffPages}, so that the latest row is read first.
     */
    private Optional<HandoffState> latest(Tenant tenant, String column, String value) {
        Session session = sessions.current();
        if (NulCharacters.anyIn(tenant.accountId(), tenant.projectId(), value)) {
            return Optional.empty();
        }
        return session
                .createQuery("from HandoffState s where s.accountId = :account and s.projectId = :project"
                        + " and s." + column + " = :value"
                        + " order by s.accountId desc, s.projectId desc, s." + column + " desc, s.id desc",
                        HandoffStateEntity.class)
                .setParameter("account", tenant.accountId())
                .setParameter("project", tenant.projectId())
                .setParameter("value", value)
                .setMaxResults(1)
                .setReadOnly(true)
                .uniqueResultOptional()
                .map(HandoffStateEntity::toHandoffState);
    }
}
