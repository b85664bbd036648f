package dev.handoff.domain.service;

import dev.handoff.domain.model.HandoffState;
import dev.handoff.domain.model.JsonText;
import dev.handoff.domain.model.NotFound;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.HandoffStateLookup;
import dev.handoff.domain.port.in.ReadHandoffState;
import dev.handoff.domain.port.in.RecordHandoffState;
import dev.handoff.domain.port.in.RecordHandoffStateCommand;

final class HandoffStateService implements RecordHandoffState, ReadHandoffState {

    private final Ports ports;

    HandoffStateService(Ports ports) {
        this.ports = ports;
    }

    @Override
    public HandoffState record(RecordHandoffStateCommand command) {
        return ports.transactions().inTransaction(() -> {
            HandoffState state = new HandoffState(command.tenant(), command.conversationId(), command.shared(),
                    new JsonText(command.data()), ports.clock().instant());
            ports.handoffStates().put(state);
            return state;
        });
    }

    @Override
    public HandoffState read(Tenant tenant, HandoffStateLookup lookup) {
        return ports.transactions().inTransaction(() -> lookup.sharedId().filter(id -> !id.isBlank())
                .map(sharedId -> ports.handoffStates().bySharedId(tenant, sharedId)
                        .orElseThrow(() -> new NotFound("no handoff state with shared_id " + sharedId)))
                .orElseGet(() -> {
                    String id = lookup.conversationId().orElseThrow();
                    return ports.handoffStates().byConversationId(tenant, id)
                            .orElseThrow(() -> new NotFound("no handoff state with id " + id));
                }));
    }
}
