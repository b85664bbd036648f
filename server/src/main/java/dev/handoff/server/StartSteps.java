package dev.handoff.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

/** How long each step of a node's start took, for the one log line that tells where a start's time goes. */
final class StartSteps {

    private final Map<String, Long> millis = new LinkedHashMap<>();

    /** Runs one step, on whichever thread, and remembers how long it took. */
    <T> T time(String step, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            long took = (System.nanoTime() - started) / 1_000_000;
            synchronized (millis) {
                millis.put(step, took);
            }
        }
    }

    /** E.g. {@code database 812 ms, engine mapping 1104 ms}, in the order the steps ended. */
    @Override
    public String toString() {
        StringJoiner steps = new StringJoiner(", ");
        synchronized (millis) {
            millis.forEach((step, took) -> steps.add(step + " " + took + " ms"));
        }
        return steps.toString();
    }
}
