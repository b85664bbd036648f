package dev.handoff.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything a run started or created, undone newest first: at the end, on failure and on Ctrl-C
 * or SIGTERM (a shutdown hook), whichever comes first. Each action runs once. Once undoing has
 * begun, nothing new may start: the run's own thread may still be going while the hook runs.
 */
final class Cleanup implements AutoCloseable {

    /** One thing to undo. */
    interface Action {
        void run() throws Exception;
    }

    /** An action that is due: undone now with {@link #runNow()}, or at the end. */
    final class Registration {
        private final String what;
        private final Action action;

        private Registration(String what, Action action) {
            this.what = what;
            this.action = action;
        }

        /** Undoes it now rather than at the end (a system stopped before the next one starts). */
        void runNow() {
            boolean due;
            synchronized (Cleanup.this) {
                due = pending.remove(this);
            }
            if (due) {
                execute(this);
            }
        }
    }

    /** Thrown to a run that tries to start something while it is being stopped. */
    static final class Stopping extends IllegalStateException {
        Stopping() {
            super("the run is being stopped");
        }
    }

    private final Deque<Registration> pending = new ArrayDeque<>();
    private boolean stopping;
    private final Thread hook = new Thread(this::runAll, "bench-cleanup");

    Cleanup() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Call before starting or creating anything. */
    synchronized void ensureRunning() {
        if (stopping) {
            throw new Stopping();
        }
    }

    /**
     * {@code what} completes "could not ..." should undoing it fail. Registered while the run is
     * being stopped, the action is undone at once.
     */
    Registration add(String what, Action action) {
        Registration registration = new Registration(what, action);
        synchronized (this) {
            if (!stopping) {
                pending.push(registration);
                return registration;
            }
        }
        execute(registration);
        throw new Stopping();
    }

    @Override
    public void close() {
        runAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run already
        }
    }

    private void runAll() {
        synchronized (this) {
            stopping = true;
        }
        while (true) {
            Registration next;
            synchronized (this) {
                next = pending.poll();
            }
            if (next == null) {
                return;
            }
            execute(next);
        }
    }

    private static void execute(Registration registration) {
        try {
            registration.action.run();
        } catch (Exception | Error failure) {
            Progress.say("could not %s: %s", registration.what, failure);
        }
    }
}
