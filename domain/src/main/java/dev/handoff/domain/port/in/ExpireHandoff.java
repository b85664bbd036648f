package dev.handoff.domain.port.in;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Tenant;

/** The expiry timer's use case. */
public interface ExpireHandoff {

    /**
     * Expires the handoff if it is still pending; otherwise changes nothing (the timer may fire
     * after a decision). Returns the handoff as it now is.
     */
    Handoff expire(Tenant tenant, HandoffId id);
}
