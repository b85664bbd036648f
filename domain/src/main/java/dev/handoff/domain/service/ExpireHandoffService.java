package dev.handoff.domain.service;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.NotFound;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.ExpireHandoff;

final class ExpireHandoffService implements ExpireHandoff {

    private final Ports ports;

    ExpireHandoffService(Ports ports) {
        this.ports = ports;
    }

    @Override
    public Handoff expire(Tenant tenant, HandoffId id) {
        return ports.transactions().inTransaction(() -> {
            Handoff current = ports.handoffs().find(tenant, id).orElseThrow(() -> NotFound.handoff(id));
            return current.expire(ports.clock().instant())
                    .map(transition -> {
                        ports.handoffs().update(transition.handoff());
                        ports.process().signal(transition);
                        ports.bus().publish(transition.event());
                        return transition.handoff();
                    })
                    .orElse(current);
        });
    }
}
