package dev.handoff.domain.model;

/**
 * Every refusal the domain makes. Adapters map each kind once (REST: 400, 404, 409, 412, 413,
 * 422, 503); none of them carries a transport type.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInput, NotFound, Conflict, StaleVersion, TooLarge, IdempotencyKeyReused, Unavailable {

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    /** With the technical failure behind the refusal, for the operator's log; clients see the message only. */
    protected DomainException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
