package dev.handoff.domain.fake;

import dev.handoff.domain.service.HandoffApplication;
import dev.handoff.domain.service.HandoffSettings;
import dev.handoff.domain.service.Ports;
import dev.handoff.domain.service.UuidV7Ids;

import java.time.Instant;
import java.util.List;

/** The whole application on in-memory fakes of every driven port, for tests of driving adapters. */
public final class InMemoryHandoffWorld {

    public static final Instant START = Instant.parse("2026-04-03T10:45:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final InMemoryHandoffs handoffs = new InMemoryHandoffs();
    public final InMemoryHandoffStates handoffStates = new InMemoryHandoffStates();
    public final InMemoryApiKeys apiKeys = new InMemoryApiKeys();
    public final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys();
    public final RecordingHandoffProcess process = new RecordingHandoffProcess();
    public final RecordingHandoffBus bus = new RecordingHandoffBus();
    public final InMemoryTransactions transactions = new InMemoryTransactions(
            List.of(handoffs, handoffStates, apiKeys, idempotencyKeys, process, bus));
    public final HandoffApplication application;

    public InMemoryHandoffWorld() {
        this(HandoffSettings.DEFAULTS);
    }

    public InMemoryHandoffWorld(HandoffSettings settings) {
        Ports ports = new Ports(handoffs, handoffStates, apiKeys, idempotencyKeys, process, bus, transactions,
                new UuidV7Ids(clock), clock);
        this.application = new HandoffApplication(ports, settings);
    }

    /**
     * Everything every store holds (handoffs, handoff states, keys, idempotency keys, processes and
     * their signals, events), as one value: equal before and after a request that wrote nothing.
     */
    public Object contents() {
        return transactions.contents();
    }
}
