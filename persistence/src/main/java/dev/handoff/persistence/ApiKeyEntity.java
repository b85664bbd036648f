package dev.handoff.persistence;

import dev.handoff.domain.model.ApiKey;
import dev.handoff.domain.model.ApiKeyId;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.model.Tenant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A row of {@code api_key}: the key's public id, its scopes and the hash of its secret. */
@Entity(name = "ApiKey")
@Table(name = "api_key")
class ApiKeyEntity {

    /** Scopes are kept as their wire names, comma-separated, in a stable order. */
    private static final String SCOPE_SEPARATOR = ",";

    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "project_id")
    private String projectId;
    private String region;
    private String scopes;
    @Column(name = "secret_hash")
    private String secretHash;
    @JdbcTypeCode(SqlTypes.TIMESTAMP_WITH_TIMEZONE)
    @Column(name = "created_at")
    private Instant createdAt;
    @JdbcTypeCode(SqlTypes.TIMESTAMP_WITH_TIMEZONE)
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKeyEntity() {
        // for Hibernate
    }

    static ApiKeyEntity of(ApiKey key) {
        ApiKeyEntity entity = new ApiKeyEntity();
        entity.id = key.id().value();
        entity.takeChangesFrom(key);
        return entity;
    }

    void takeChangesFrom(ApiKey key) {
        accountId = NulCharacters.refuse("accountId", key.tenant().accountId());
        projectId = NulCharacters.refuse("projectId", key.tenant().projectId());
        region = key.region();
        scopes = key.scopes().stream().sorted().map(Scope::wireName).collect(Collectors.joining(SCOPE_SEPARATOR));
        secretHash = key.secretHash();
        createdAt = Instants.stored(key.createdAt());
        revokedAt = key.revokedAt().map(Instants::stored).orElse(null);
    }

    ApiKey toApiKey() {
        return new ApiKey(new ApiKeyId(id), new Tenant(accountId, projectId), region,
                Arrays.stream(scopes.split(SCOPE_SEPARATOR)).filter(name -> !name.isEmpty())
                        .map(name -> Scope.fromWire(name, "scopes")).collect(Collectors.toSet()),
                secretHash, createdAt, Optional.ofNullable(revokedAt));
    }
}
