package dev.handoff.domain.fake;

/** An in-memory store that {@link InMemoryTransactions} can roll back. */
interface Snapshotting {

    Object snapshot();

    void restore(Object snapshot);
}
