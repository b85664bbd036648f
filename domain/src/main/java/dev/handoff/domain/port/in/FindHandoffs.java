package dev.handoff.domain.port.in;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffFilter;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Tenant;

import java.util.List;

/** Reading handoffs: one by id, or the newest ones matching a filter. */
public interface FindHandoffs {

    /** @throws dev.handoff.domain.model.NotFound when the tenant has no such handoff */
    Handoff get(Tenant tenant, HandoffId id);

    /** Newest first, at most {@link dev.handoff.domain.model.Limits#LIST_MAX}. */
    List<Handoff> list(Tenant tenant, HandoffFilter filter);
}
