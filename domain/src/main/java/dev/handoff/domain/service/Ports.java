package dev.handoff.domain.service;

import dev.handoff.domain.port.out.ApiKeys;
import dev.handoff.domain.port.out.HandoffBus;
import dev.handoff.domain.port.out.HandoffIds;
import dev.handoff.domain.port.out.HandoffProcess;
import dev.handoff.domain.port.out.HandoffStates;
import dev.handoff.domain.port.out.Handoffs;
import dev.handoff.domain.port.out.IdempotencyKeys;
import dev.handoff.domain.port.out.Transactions;

import java.time.InstantSource;
import java.util.Objects;

/** Everything the use cases need from the outside, handed over by the composition root. */
public record Ports(Handoffs handoffs, HandoffStates handoffStates, ApiKeys apiKeys,
                   IdempotencyKeys idempotencyKeys, HandoffProcess process, HandoffBus bus,
                   Transactions transactions, HandoffIds ids, InstantSource clock) {

    public Ports {
        Objects.requireNonNull(handoffs, "handoffs");
        Objects.requireNonNull(handoffStates, "handoffStates");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(clock, "clock");
    }
}
