package dev.handoff.persistence;

import dev.handoff.domain.port.out.Transactions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The domain's {@link Transactions}, owning the transaction itself: a unit of work is bound to the
 * calling thread, so that everything the thread writes meanwhile — domain rows and the engine's
 * state alike — commits together (design.md, "one database, one transaction").
 */
final class ThreadBoundTransactions implements Transactions {

    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();
    private final ConnectionGate gate;
    private final Function<RuntimeException, RuntimeException> translate;

    /** {@code translate} turns driver and ORM failures into the domain's refusals where they are one. */
    ThreadBoundTransactions(DataSource pool, Function<RuntimeException, RuntimeException> translate) {
        this.gate = new ConnectionGate(pool);
        this.translate = translate;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return current.get() != null ? work.get() : inNewTransaction(work);
    }

    @Override
    public <T> T inNewTransaction(Supplier<T> work) {
        UnitOfWork suspended = current.get();
        UnitOfWork unit = begin();
        current.set(unit);
        try {
            T result = work.get();
            unit.commit();
            return result;
        } catch (SQLException failure) {
            unit.rollback();
            throw translate.apply(new DatabaseFailure("commit failed", failure));
        } catch (RuntimeException failure) {
            unit.rollback();
            throw translate.apply(failure);
        } catch (Error failure) {
            unit.rollback();
            throw failure;
        } finally {
            unit.close();
            if (suspended == null) {
                current.remove();
            } else {
                current.set(suspended);
            }
        }
    }

    /** The calling thread's unit of work, if it is inside one. */
    Optional<UnitOfWork> current() {
        return Optional.ofNullable(current.get());
    }

    /** The calling thread's unit of work; repositories cannot be used outside one. */
    UnitOfWork required() {
        UnitOfWork unit = current.get();
        if (unit == null) {
            throw new IllegalStateException("no transaction on this thread: call through Transactions.inTransaction");
        }
        return unit;
    }

    /** Waits for a pooled connection at most the pool's connection timeout (see {@link ConnectionGate}). */
    private UnitOfWork begin() {
        Connection connection = null;
        try {
            connection = gate.connect();
            return new UnitOfWork(connection);
        } catch (SQLException failure) {
            if (connection != null) {
                closeQuietly(connection); // back to the pool, which evicts it when it is broken
            }
            throw translate.apply(new DatabaseFailure("cannot begin a transaction", failure));
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }
}
