package dev.handoff.domain.model;

/**
 * Every refusal the domain makes. Adapters map each kind once (REST: 400, 404, 409, 412, 413,
 * 422); none of them carries a transport type.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInput, NotFound, Conflict, StaleVersion, TooLarge, IdempotencyKeyReused {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
