package dev.handoff.domain.port.out;

import dev.handoff.domain.model.HandoffState;
import dev.handoff.domain.model.Tenant;

import java.util.Optional;

/** The handoff-state snapshots agents store per conversation; the latest write wins. */
public interface HandoffStates {

    void put(HandoffState state);

    Optional<HandoffState> byConversationId(Tenant tenant, String conversationId);

    /** The most recently stored state that carries this shared id. */
    Optional<HandoffState> bySharedId(Tenant tenant, String sharedId);
}
