package dev.handoff.domain.port.in;

import dev.handoff.domain.model.Handoff;

/** Sending a handoff from one agent profile to another. */
public interface CreateHandoff {

    /**
     * Creates a pending handoff with its process, or — for a retry under the same idempotency key
     * with the same content — returns the handoff the first request created.
     */
    Created create(CreateHandoffCommand command);

    /** {@code replayed} when an earlier request with the same idempotency key created it. */
    record Created(Handoff handoff, boolean replayed) {
    }
}
