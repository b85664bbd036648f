package dev.handoff.domain.service;

import dev.handoff.domain.model.ApiKey;
import dev.handoff.domain.model.ApiKeyId;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The active keys this node looked up in the last few seconds, so that a request does not pay a
 * database read for its key. A key revoked on this node is forgotten at once; one revoked elsewhere
 * (another node, {@code bin/handoff keys revoke} on PostgreSQL) stops working here within
 * {@link #REMEMBERED_FOR}.
 */
final class RecentlyAuthenticatedKeys {

    static final Duration REMEMBERED_FOR = Duration.ofSeconds(5);
    /** Far more keys than a node serves at once; past it, everything is looked up afresh. */
    private static final int MOST_KEYS = 10_000;

    private final InstantSource clock;
    private final Map<ApiKeyId, Remembered> keys = new ConcurrentHashMap<>();

    RecentlyAuthenticatedKeys(InstantSource clock) {
        this.clock = clock;
    }

    /** The active key with this id: remembered, or else looked up and remembered. */
    Optional<ApiKey> activeKey(ApiKeyId id, Supplier<Optional<ApiKey>> lookUp) {
        Instant now = clock.instant();
        Remembered remembered = keys.get(id);
        if (remembered != null && now.isBefore(remembered.until())) {
            return Optional.of(remembered.key());
        }
        Optional<ApiKey> active = lookUp.get().filter(ApiKey::isActive);
        if (active.isPresent()) {
            if (keys.size() >= MOST_KEYS) {
                keys.clear();
            }
            keys.put(id, new Remembered(active.get(), now.plus(REMEMBERED_FOR)));
        } else {
            keys.remove(id);
        }
        return active;
    }

    void forget(ApiKeyId id) {
        keys.remove(id);
    }

    private record Remembered(ApiKey key, Instant until) {
    }
}
