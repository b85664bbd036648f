package dev.handoff.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The context an agent stored for a conversation at the moment of handoff, read back by the
 * live agent's desktop. {@code data} is a JSON object kept exactly as written.
 */
public record HandoffState(Tenant tenant, String conversationId, Optional<String> sharedId, JsonText data,
                           Instant storedAt) {

    public HandoffState {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(sharedId, "sharedId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(storedAt, "storedAt");
        if (!data.isObject()) {
            throw new IllegalArgumentException("handoff state data must be a JSON object");
        }
    }
}
