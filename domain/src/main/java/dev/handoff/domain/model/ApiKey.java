package dev.handoff.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A credential scoped to one tenant and region. Only a hash of its secret is kept; the secret
 * itself is shown once, when the key is issued.
 */
public record ApiKey(ApiKeyId id, Tenant tenant, String region, Set<Scope> scopes, String secretHash,
                     Instant createdAt, Optional<Instant> revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(region, "region");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }

    /** Compares in constant time, so response times do not reveal how much of a guess was right. */
    public boolean matches(String secret) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                secretHash.getBytes(StandardCharsets.US_ASCII));
    }

    public ApiKey revoke(Instant now) {
        return isActive() ? new ApiKey(id, tenant, region, scopes, secretHash, createdAt, Optional.of(now)) : this;
    }

    /** SHA-256 is enough here: secrets are 256 random bits, not passwords a person chose. */
    public static String hash(String secret) {
        return Sha256.hex(secret);
    }
}
