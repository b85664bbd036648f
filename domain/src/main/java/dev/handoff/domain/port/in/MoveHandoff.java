package dev.handoff.domain.port.in;

import dev.handoff.domain.model.Handoff;

/** Approving, rejecting, starting and completing handoffs. */
public interface MoveHandoff {

    /**
     * @return the handoff after the move
     * @throws dev.handoff.domain.model.NotFound     no such handoff in the tenant
     * @throws dev.handoff.domain.model.Conflict     the move is illegal from the current status, or raced another
     * @throws dev.handoff.domain.model.StaleVersion the handoff is no longer at the expected version
     */
    Handoff move(MoveHandoffCommand command);
}
