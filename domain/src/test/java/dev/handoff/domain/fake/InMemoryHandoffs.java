package dev.handoff.domain.fake;

import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffFilter;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.out.Handoffs;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryHandoffs implements Handoffs, Snapshotting {

    private Map<HandoffId, Handoff> rows = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Handoff> find(Tenant tenant, HandoffId id) {
        return Optional.ofNullable(rows.get(id)).filter(handoff -> handoff.tenant().equals(tenant));
    }

    @Override
    public synchronized void add(Handoff handoff) {
        if (rows.putIfAbsent(handoff.id(), handoff) != null) {
            throw new IllegalStateException("duplicate handoff id " + handoff.id());
        }
    }

    @Override
    public synchronized void update(Handoff handoff) {
        Handoff stored = rows.get(handoff.id());
        if (stored == null || !stored.tenant().equals(handoff.tenant())
                || stored.version() != handoff.version() - 1) {
            throw Conflict.concurrentUpdate(handoff.id());
        }
        rows.put(handoff.id(), handoff);
    }

    @Override
    public synchronized List<Handoff> list(Tenant tenant, HandoffFilter filter, int limit) {
        return rows.values().stream()
                .filter(handoff -> handoff.tenant().equals(tenant))
                .filter(handoff -> filter.status().map(status -> status == handoff.status()).orElse(true))
                .filter(handoff -> filter.recipient().map(handoff.toProfileId()::equals).orElse(true))
                .sorted(Comparator.comparing(Handoff::createdAt).thenComparing(Handoff::id).reversed())
                .limit(limit)
                .toList();
    }

    public synchronized int size() {
        return rows.size();
    }

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<HandoffId, Handoff>) snapshot);
    }
}
