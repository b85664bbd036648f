package dev.handoff.domain.port.in;

import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Tenant;

import java.util.Objects;
import java.util.OptionalLong;

/** Apply {@code action} to a handoff; with {@code expectedVersion}, only if it is still at that version. */
public record MoveHandoffCommand(Tenant tenant, HandoffId id, HandoffAction action, OptionalLong expectedVersion) {

    public MoveHandoffCommand {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }

    public MoveHandoffCommand(Tenant tenant, HandoffId id, HandoffAction action) {
        this(tenant, id, action, OptionalLong.empty());
    }
}
