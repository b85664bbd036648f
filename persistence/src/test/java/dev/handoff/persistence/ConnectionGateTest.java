package dev.handoff.persistence;

import dev.handoff.domain.model.Unavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Once the database proved unreachable, one unit of work at a time waits for a connection; the
 * others are refused at once, and everything flows again as soon as a connection comes.
 */
class ConnectionGateTest {

    private final SwitchablePool pool = new SwitchablePool();
    private final ThreadBoundTransactions transactions = new ThreadBoundTransactions(pool, HandoffPersistence::refusal);

    @AfterEach
    void release_any_waiter() {
        pool.reachable = true;
        pool.timeout.countDown();
    }

    @Test
    void while_one_unit_waits_for_an_unreachable_database_the_others_are_refused_without_waiting() throws Exception {
        // given a wait that ended without a connection
        pool.timeout.countDown();
        assertThatThrownBy(() -> transactions.inTransaction(() -> "first")).isInstanceOf(Unavailable.class);
        pool.timeout = new CountDownLatch(1);
        CompletableFuture<String> probing = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> "probe"));
        awaitAttempts(2);

        // when
        assertThatThrownBy(() -> transactions.inTransaction(() -> "meanwhile")).isInstanceOf(Unavailable.class);

        // then
        assertThat(pool.attempts.get()).as("the refused unit did not wait in the pool").isEqualTo(2);
        pool.timeout.countDown();
        assertThat(probing).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(Exception.class)
                .havingRootCause().isInstanceOf(SQLTransientConnectionException.class);
    }

    @Test
    void once_a_connection_comes_every_unit_gets_one_again() {
        // given
        pool.timeout.countDown();
        assertThatThrownBy(() -> transactions.inTransaction(() -> "refused")).isInstanceOf(Unavailable.class);

        // when the database is back
        pool.reachable = true;

        // then
        assertThat(transactions.inTransaction(() -> "probe")).isEqualTo("probe");
        assertThat(transactions.inTransaction(() -> "next")).isEqualTo("next");
        assertThat(pool.attempts.get()).isEqualTo(3);
    }

    private void awaitAttempts(int attempts) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pool.attempts.get() < attempts && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(pool.attempts.get()).isEqualTo(attempts);
    }

    /** A pool that, while unreachable, makes each caller wait for {@link #timeout} and then gives up as Hikari does. */
    private static final class SwitchablePool implements DataSource {

        volatile boolean reachable;
        volatile CountDownLatch timeout = new CountDownLatch(1);
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            attempts.incrementAndGet();
            if (reachable) {
                return DriverManager.getConnection("jdbc:hsqldb:mem:gate", "SA", "");
            }
            try {
                timeout.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new SQLTransientConnectionException("handoff - Connection is not available, request timed out");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
