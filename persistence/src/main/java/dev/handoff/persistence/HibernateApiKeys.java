package dev.handoff.persistence;

import dev.handoff.domain.model.ApiKey;
import dev.handoff.domain.model.ApiKeyId;
import dev.handoff.domain.port.out.ApiKeys;
import org.hibernate.Session;

import java.util.List;
import java.util.Optional;

/**
 * API keys in the {@code api_key} table, found by their public id (the key names its tenant, so
 * this is the one lookup that comes before a tenant is known). Only the secret's hash is stored.
 */
final class HibernateApiKeys implements ApiKeys {

    private final Sessions sessions;

    HibernateApiKeys(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void save(ApiKey key) {
        Session session = sessions.current();
        ApiKeyEntity stored = session.find(ApiKeyEntity.class, key.id().value());
        if (stored == null) {
            session.persist(ApiKeyEntity.of(key));
        } else {
            stored.takeChangesFrom(key);
        }
    }

    @Override
    public Optional<ApiKey> find(ApiKeyId id) {
        return Optional.ofNullable(sessions.current().find(ApiKeyEntity.class, id.value()))
                .map(ApiKeyEntity::toApiKey);
    }

    @Override
    public List<ApiKey> all() {
        return sessions.current()
                .createQuery("from ApiKey k order by k.createdAt, k.id", ApiKeyEntity.class)
                .getResultList().stream().map(ApiKeyEntity::toApiKey).toList();
    }
}
