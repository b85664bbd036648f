package dev.handoff.domain.port.out;

import dev.handoff.domain.model.ApiKey;
import dev.handoff.domain.model.ApiKeyId;

import java.util.List;
import java.util.Optional;

/** Issued API keys (hashes only). */
public interface ApiKeys {

    /** Inserts a new key or stores a changed one (revocation). */
    void save(ApiKey key);

    Optional<ApiKey> find(ApiKeyId id);

    /** Every key, oldest first. */
    List<ApiKey> all();
}
