package dev.handoff.persistence;

import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.out.IdempotencyKeys;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A row of {@code idempotency_key}: a tenant's key and the create request it was first used with. */
@Entity(name = "IdempotencyKey")
@Table(name = "idempotency_key")
class IdempotencyKeyEntity {

    @EmbeddedId
    private Key key;
    private String fingerprint;
    @Column(name = "handoff_id")
    private UUID handoffId;
    @JdbcTypeCode(SqlTypes.TIMESTAMP_WITH_TIMEZONE)
    @Column(name = "created_at")
    private Instant createdAt;

    protected IdempotencyKeyEntity() {
        // for Hibernate
    }

    static IdempotencyKeyEntity of(IdempotencyKeys.Entry entry) {
        IdempotencyKeyEntity entity = new IdempotencyKeyEntity();
        entity.key = Key.of(entry.tenant(), entry.key());
        entity.takeChangesFrom(entry);
        return entity;
    }

    void takeChangesFrom(IdempotencyKeys.Entry entry) {
        fingerprint = entry.fingerprint();
        handoffId = entry.handoffId().value();
        createdAt = Instants.stored(entry.createdAt());
    }

    IdempotencyKeys.Entry toEntry() {
        return new IdempotencyKeys.Entry(new Tenant(key.accountId, key.projectId), key.idempotencyKey, fingerprint,
                new HandoffId(handoffId), createdAt);
    }

    /** The primary key: the key is unique per tenant only. */
    @Embeddable
    static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "account_id")
        private String accountId;
        @Column(name = "project_id")
        private String projectId;
        @Column(name = "idempotency_key")
        private String idempotencyKey;

        protected Key() {
            // for Hibernate
        }

        static Key of(Tenant tenant, String idempotencyKey) {
            Key key = new Key();
            key.accountId = NulCharacters.refuse("accountId", tenant.accountId());
            key.projectId = NulCharacters.refuse("projectId", tenant.projectId());
            key.idempotencyKey = NulCharacters.refuse("Idempotency-Key", idempotencyKey);
            return key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && accountId.equals(that.accountId) && projectId.equals(that.projectId)
                    && idempotencyKey.equals(that.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, projectId, idempotencyKey);
        }
    }
}
