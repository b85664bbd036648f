package dev.handoff.domain.model;

/**
 * The store cannot be reached right now (the database is down, unreachable or out of connections);
 * the same request may be sent again a little later. Its transaction was rolled back, unless the
 * connection broke during the commit itself, when the outcome is unknown to the caller: a create is
 * therefore best retried under the same idempotency key.
 */
public final class Unavailable extends DomainException {

    /** {@code cause} is the technical failure, for the operator's log; clients see {@code message} only. */
    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
