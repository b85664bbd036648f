package dev.handoff.domain.port.out;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.HandoffFilter;
import dev.handoff.domain.model.Tenant;

import java.util.List;
import java.util.Optional;

/** Where handoffs are kept. Every method is scoped to one tenant; other tenants' rows do not exist. */
public interface Handoffs {

    Optional<Handoff> find(Tenant tenant, HandoffId id);

    /** Stores a new handoff (its first version). */
    void add(Handoff handoff);

    /**
     * Stores the next version of a handoff: succeeds only when the stored version is
     * {@code handoff.version() - 1}, otherwise throws {@link dev.handoff.domain.model.Conflict}
     * (now or when the transaction commits), so no update is ever lost.
     */
    void update(Handoff handoff);

    /** Newest first (by creation time, then id), at most {@code limit}. */
    List<Handoff> list(Tenant tenant, HandoffFilter filter, int limit);
}
