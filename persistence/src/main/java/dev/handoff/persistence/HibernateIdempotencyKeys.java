package dev.handoff.persistence;

import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.out.IdempotencyKeys;
import org.hibernate.Session;

import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys in the {@code idempotency_key} table, keyed by tenant and key. Two requests
 * racing with one new key both insert; the second to commit violates the primary key and ends
 * as a Conflict, so a key never points at two handoffs. Forgetting reads the oldest entries from
 * the {@code idempotency_key_by_age} index.
 */
final class HibernateIdempotencyKeys implements IdempotencyKeys {

    private final Sessions sessions;

    HibernateIdempotencyKeys(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Entry> find(Tenant tenant, String key) {
        Session session = sessions.current();
        if (NulCharacters.anyIn(tenant.accountId(), tenant.projectId(), key)) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.find(IdempotencyKeyEntity.class,
                IdempotencyKeyEntity.Key.of(tenant, key))).map(IdempotencyKeyEntity::toEntry);
    }

    @Override
    public void put(Entry entry) {
        Session session = sessions.current();
        IdempotencyKeyEntity stored = session.find(IdempotencyKeyEntity.class,
                IdempotencyKeyEntity.Key.of(entry.tenant(), entry.key()));
        if (stored == null) {
            session.persist(IdempotencyKeyEntity.of(entry));
        } else {
            stored.takeChangesFrom(entry);
        }
    }

    @Override
    public int forgetRecordedBefore(Instant cutoff, int limit) {
        return sessions.current()
                .createNativeMutationQuery("delete from idempotency_key"
                        + " where (account_id, project_id, idempotency_key) in ("
                        + " select account_id, project_id, idempotency_key from idempotency_key"
                        + " where created_at < :cutoff order by created_at limit :limit)")
                .setParameter("cutoff", Instants.stored(cutoff))
                .setParameter("limit", limit)
                .executeUpdate();
    }
}
