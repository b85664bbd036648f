package dev.handoff.domain.model;

import java.util.Objects;

/** The result of a legal state change: the handoff as it is now, and the event that says so. */
public record Transition(Handoff handoff, HandoffEvent event) {

    public Transition {
        Objects.requireNonNull(handoff, "handoff");
        Objects.requireNonNull(event, "event");
    }
}
