package dev.handoff.domain.fake;

import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.out.IdempotencyKeys;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryIdempotencyKeys implements IdempotencyKeys, Snapshotting {

    private Map<List<Object>, Entry> entries = new HashMap<>();

    @Override
    public synchronized Optional<Entry> find(Tenant tenant, String key) {
        return Optional.ofNullable(entries.get(List.of(tenant, key)));
    }

    @Override
    public synchronized void put(Entry entry) {
        entries.put(List.of(entry.tenant(), entry.key()), entry);
    }

    @Override
    public synchronized int forgetRecordedBefore(Instant cutoff, int limit) {
        List<Entry> oldest = entries.values().stream()
                .filter(entry -> entry.createdAt().isBefore(cutoff))
                .sorted(Comparator.comparing(Entry::createdAt))
                .limit(limit)
                .toList();
        oldest.forEach(entry -> entries.remove(List.of(entry.tenant(), entry.key())));
        return oldest.size();
    }

    public synchronized int size() {
        return entries.size();
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(entries);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        entries = new HashMap<>((Map<List<Object>, Entry>) snapshot);
    }
}
