package dev.handoff.domain.fake;

import dev.handoff.domain.port.out.Transactions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes units of work and restores every registered store when one fails, so that tests can
 * check that a refused request wrote nothing.
 */
public final class InMemoryTransactions implements Transactions {

    private final List<Snapshotting> stores;
    private final ReentrantLock lock = new ReentrantLock();
    private int committed;

    InMemoryTransactions(List<Snapshotting> stores) {
        this.stores = List.copyOf(stores);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (lock.isHeldByCurrentThread()) {
            return work.get();
        }
        return inNewTransaction(work);
    }

    @Override
    public <T> T inNewTransaction(Supplier<T> work) {
        lock.lock();
        try {
            List<Object> snapshots = new ArrayList<>();
            stores.forEach(store -> snapshots.add(store.snapshot()));
            try {
                T result = work.get();
                committed++;
                return result;
            } catch (RuntimeException | Error failure) {
                for (int i = 0; i < stores.size(); i++) {
                    stores.get(i).restore(snapshots.get(i));
                }
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    public int committed() {
        return committed;
    }
}
