package dev.handoff.bench;

import java.time.Duration;

/** What the run is doing, on stderr: stdout carries the results only. */
final class Progress {

    private static final long STARTED = System.nanoTime();

    private Progress() {
    }

    static void say(String format, Object... arguments) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - STARTED);
        System.err.printf("[bench %3d:%02d] %s%n", elapsed.toMinutes(), elapsed.toSecondsPart(),
                String.format(format, arguments));
    }
}
