package dev.handoff.domain.fake;

import dev.handoff.domain.port.out.Transactions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes units of work and restores every registered store when one fails, so that tests can
 * check that a refused request wrote nothing. Can be told to fail every new unit, as a store that
 * cannot be reached does.
 */
public final class InMemoryTransactions implements Transactions {

    private final List<Snapshotting> stores;
    private final ReentrantLock lock = new ReentrantLock();
    private int committed;
    private volatile RuntimeException failure;

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
        RuntimeException told = failure;
        if (told != null) {
            throw told;
        }
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

    /** Every new unit of work throws {@code failure} before it begins, until {@link #recover()}. */
    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public void recover() {
        this.failure = null;
    }

    /** What every store holds now, as a value that equals another taken when nothing was written between. */
    List<Object> contents() {
        lock.lock();
        try {
            return stores.stream().map(Snapshotting::snapshot).toList();
        } finally {
            lock.unlock();
        }
    }
}
