package dev.handoff.domain.port.out;

import java.util.function.Supplier;

/**
 * Units of work. Everything a use case writes (handoff rows, handoff state, events, the
 * workflow's own state) commits together or not at all.
 */
public interface Transactions {

    /** Runs {@code work} in the caller's transaction, or in a new one when there is none. */
    <T> T inTransaction(Supplier<T> work);

    /** Runs {@code work} in a transaction of its own, suspending the caller's while it runs. */
    <T> T inNewTransaction(Supplier<T> work);
}
