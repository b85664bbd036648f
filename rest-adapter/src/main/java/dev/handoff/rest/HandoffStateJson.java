package dev.handoff.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.handoff.domain.model.HandoffState;

/**
 * The seed's handoff state on the wire: {@code {"id", "shared_id"?, "data"}}, with {@code data}
 * written as the stored JSON text itself, not re-encoded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HandoffStateJson(String id, @JsonProperty("shared_id") String sharedId, @JsonRawValue String data) {

    static HandoffStateJson of(HandoffState state) {
        return new HandoffStateJson(state.conversationId(), state.sharedId().orElse(null), state.data().text());
    }
}
