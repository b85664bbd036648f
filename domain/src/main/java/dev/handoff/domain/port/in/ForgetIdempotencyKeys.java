package dev.handoff.domain.port.in;

/**
 * Idempotency keys are remembered for 24 hours; this use case forgets the ones past that, so that
 * their table does not grow with every create that ever sent one. A node runs it now and then.
 */
public interface ForgetIdempotencyKeys {

    /**
     * Forgets every key whose 24 hours have passed, in short transactions, and returns how many; an
     * interrupted thread stops after the transaction under way.
     */
    int forgetExpired();
}
