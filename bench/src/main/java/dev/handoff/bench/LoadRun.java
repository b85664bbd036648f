package dev.handoff.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A closed loop: {@code users} threads each perform the scenario's operation back to back. The
 * warm-up lasts its time and at least until every user has finished one operation (a cold server's
 * first requests can take seconds); then each operation that ends inside the measurement window is
 * recorded in a histogram, and no operation begins after it.
 */
final class LoadRun {

    /** The longest a warm-up waits for every user's first operation. */
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(60);
    /** Past the window, a user's last operation may take this long before the run gives up on it. */
    private static final Duration STRAGGLER_LIMIT = Duration.ofSeconds(90);

    private LoadRun() {
    }

    static CellResult run(DatabaseKind database, Scenario scenario, int users, Duration warmUp, Duration window) {
        Window measured = new Window();
        CountDownLatch firstOperations = new CountDownLatch(users);
        List<VirtualUser> virtualUsers = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            VirtualUser virtualUser = new VirtualUser(scenario.forUser(user, users), measured, firstOperations);
            virtualUsers.add(virtualUser);
            virtualUser.thread.start();
        }
        measured.open(warmUp, firstOperations, window);
        Histogram all = new Histogram(3);
        long errors = 0;
        String firstError = "";
        for (VirtualUser virtualUser : virtualUsers) {
            virtualUser.awaitEnd(measured.until + STRAGGLER_LIMIT.toNanos());
            all.add(virtualUser.latencies);
            errors += virtualUser.errors;
            if (firstError.isEmpty() && virtualUser.firstError != null) {
                firstError = virtualUser.firstError;
            }
        }
        return new CellResult(database, scenario.kind(), scenario.system(), users, scenario.requestsPerOperation(),
                all.getTotalCount(), window.toNanos() / 1e9, Latency.of(all), errors, firstError);
    }

    /** The measurement window on {@link System#nanoTime()}'s scale; closed (in the future) until it opens. */
    private static final class Window {
        volatile long from = Long.MAX_VALUE;
        volatile long until = Long.MAX_VALUE;

        void open(Duration warmUp, CountDownLatch firstOperations, Duration length) {
            try {
                Thread.sleep(warmUp.toMillis());
                firstOperations.await(WARM_UP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            long now = System.nanoTime();
            until = now + length.toNanos();
            from = now;
        }
    }

    private static final class VirtualUser implements Runnable {
        private final Scenario.Operation operation;
        private final Window window;
        private final CountDownLatch firstOperations;
        private final Histogram latencies = new Histogram(3);
        private final Thread thread = new Thread(this, "virtual-user");
        private long errors;
        private String firstError;

        VirtualUser(Scenario.Operation operation, Window window, CountDownLatch firstOperations) {
            this.operation = operation;
            this.window = window;
            this.firstOperations = firstOperations;
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            boolean first = true;
            while (true) {
                long began = System.nanoTime();
                if (began >= window.until) {
                    return;
                }
                boolean succeeded = perform();
                long ended = System.nanoTime();
                if (first) {
                    firstOperations.countDown();
                    first = false;
                }
                if (succeeded && ended >= window.from && ended <= window.until) {
                    latencies.recordValue(ended - began);
                }
            }
        }

        private boolean perform() {
            try {
                operation.perform();
                return true;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                fail(interrupted);
                return false;
            } catch (Exception | Error failure) {
                fail(failure);
                return false;
            }
        }

        private void fail(Throwable failure) {
            errors++;
            if (firstError == null) {
                firstError = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            }
        }

        /** The histogram and counts are read after the thread ended (join's happens-before). */
        void awaitEnd(long deadline) {
            try {
                long left = deadline - System.nanoTime();
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                if (thread.isAlive()) {
                    throw new IllegalStateException("a virtual user's operation did not end within "
                            + STRAGGLER_LIMIT.toSeconds() + " s of the window");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", interrupted);
            }
        }
    }
}
