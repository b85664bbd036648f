package dev.handoff.domain.model;

/** An idempotency key sent again with a different request. */
public final class IdempotencyKeyReused extends DomainException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key " + key + " was already used with a different request");
    }
}
