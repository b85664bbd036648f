package dev.handoff.domain.service;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.NotFound;
import dev.handoff.domain.model.StaleVersion;
import dev.handoff.domain.model.Transition;
import dev.handoff.domain.port.in.MoveHandoff;
import dev.handoff.domain.port.in.MoveHandoffCommand;

/** Applies an approver's or recipient's action, and lets the process and the bus follow. */
final class MoveHandoffService implements MoveHandoff {

    private final Ports ports;

    MoveHandoffService(Ports ports) {
        this.ports = ports;
    }

    @Override
    public Handoff move(MoveHandoffCommand command) {
        return ports.transactions().inTransaction(() -> {
            Handoff current = ports.handoffs().find(command.tenant(), command.id())
                    .orElseThrow(() -> NotFound.handoff(command.id()));
            command.expectedVersion().ifPresent(expected -> {
                if (expected != current.version()) {
                    throw new StaleVersion(current.id(), expected, current.version());
                }
            });
            Transition transition = command.action().applyTo(current, ports.clock().instant());
            ports.handoffs().update(transition.handoff());
            ports.process().signal(transition);
            ports.bus().publish(transition.event());
            return transition.handoff();
        });
    }
}
