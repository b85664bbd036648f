package dev.handoff.domain.port.in;

import dev.handoff.domain.model.InvalidInput;

import java.util.Objects;
import java.util.Optional;

/** Find a handoff state by conversation id or by shared id; the shared id wins when both are given. */
public record HandoffStateLookup(Optional<String> conversationId, Optional<String> sharedId) {

    public HandoffStateLookup {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(sharedId, "sharedId");
        if (conversationId.filter(id -> !id.isBlank()).isEmpty() && sharedId.filter(id -> !id.isBlank()).isEmpty()) {
            throw InvalidInput.of("id", "or shared_id is required");
        }
    }

    public static HandoffStateLookup byConversationId(String id) {
        return new HandoffStateLookup(Optional.of(id), Optional.empty());
    }

    public static HandoffStateLookup bySharedId(String sharedId) {
        return new HandoffStateLookup(Optional.empty(), Optional.of(sharedId));
    }
}
