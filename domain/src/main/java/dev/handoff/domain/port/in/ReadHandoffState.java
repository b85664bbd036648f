package dev.handoff.domain.port.in;

import dev.handoff.domain.model.HandoffState;
import dev.handoff.domain.model.Tenant;

/** The live-agent side of the handoff-state API. */
public interface ReadHandoffState {

    /** @throws dev.handoff.domain.model.NotFound when nothing was stored under that id */
    HandoffState read(Tenant tenant, HandoffStateLookup lookup);
}
