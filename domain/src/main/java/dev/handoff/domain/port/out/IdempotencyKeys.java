package dev.handoff.domain.port.out;

import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Tenant;

import java.time.Instant;
import java.util.Optional;

/** Remembers which create request an {@code Idempotency-Key} was first used with. */
public interface IdempotencyKeys {

    Optional<Entry> find(Tenant tenant, String key);

    /** Records a key, replacing an expired entry under the same key. */
    void put(Entry entry);

    /**
     * Forgets at most {@code limit} entries, of any tenant, recorded before {@code cutoff}, the oldest
     * first; returns how many it forgot.
     */
    int forgetRecordedBefore(Instant cutoff, int limit);

    /** {@code fingerprint} identifies the request's content; {@code handoffId} what it created. */
    record Entry(Tenant tenant, String key, String fingerprint, HandoffId handoffId, Instant createdAt) {
    }
}
