package dev.handoff.domain.fake;

import dev.handoff.domain.model.ApiKey;
import dev.handoff.domain.model.ApiKeyId;
import dev.handoff.domain.port.out.ApiKeys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryApiKeys implements ApiKeys, Snapshotting {

    private Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();

    @Override
    public synchronized void save(ApiKey key) {
        keys.put(key.id(), key);
    }

    @Override
    public synchronized Optional<ApiKey> find(ApiKeyId id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public synchronized List<ApiKey> all() {
        return new ArrayList<>(keys.values());
    }

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(keys);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        keys = new LinkedHashMap<>((Map<ApiKeyId, ApiKey>) snapshot);
    }
}
