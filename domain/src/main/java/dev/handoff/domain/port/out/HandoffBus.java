package dev.handoff.domain.port.out;

import dev.handoff.domain.model.HandoffEvent;

/** The seed's handoff bus: every transition is published here, inside the use case's transaction. */
public interface HandoffBus {

    void publish(HandoffEvent event);
}
