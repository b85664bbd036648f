package dev.handoff.domain.service;

import dev.handoff.domain.port.in.ForgetIdempotencyKeys;

import java.time.Instant;

final class ForgetIdempotencyKeysService implements ForgetIdempotencyKeys {

    /** Keys forgotten per transaction: a backlog of millions never becomes one long transaction. */
    static final int BATCH = 1_000;

    private final Ports ports;

    ForgetIdempotencyKeysService(Ports ports) {
        this.ports = ports;
    }

    @Override
    public int forgetExpired() {
        Instant cutoff = ports.clock().instant().minus(CreateHandoffService.IDEMPOTENCY_WINDOW);
        int forgotten = 0;
        int batch;
        do {
            batch = ports.transactions().inTransaction(
                    () -> ports.idempotencyKeys().forgetRecordedBefore(cutoff, BATCH));
            forgotten += batch;
        } while (batch == BATCH && !Thread.currentThread().isInterrupted()); // interrupted: the node is stopping
        return forgotten;
    }
}
