package dev.handoff.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polling for what the nodes do in their own time, such as firing timers. */
final class Waiting {

    private static final long POLL_MILLIS = 200;

    private Waiting() {
    }

    /** Returns once {@code condition} holds; fails, naming {@code what}, when patience runs out first. */
    static void until(BooleanSupplier condition, Duration patience, String what) {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + patience + " in vain for: " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, interrupted);
            }
        }
    }
}
