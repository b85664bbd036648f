package dev.handoff.domain.service;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffFilter;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Limits;
import dev.handoff.domain.model.NotFound;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.FindHandoffs;

import java.util.List;

final class FindHandoffsService implements FindHandoffs {

    private final Ports ports;

    FindHandoffsService(Ports ports) {
        this.ports = ports;
    }

    @Override
    public Handoff get(Tenant tenant, HandoffId id) {
        return ports.transactions().inTransaction(() ->
                ports.handoffs().find(tenant, id).orElseThrow(() -> NotFound.handoff(id)));
    }

    @Override
    public List<Handoff> list(Tenant tenant, HandoffFilter filter) {
        return ports.transactions().inTransaction(() -> ports.handoffs().list(tenant, filter, Limits.LIST_MAX));
    }
}
