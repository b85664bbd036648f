package dev.handoff.bench;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the pauses out of a JVM's {@code -Xlog:gc} file, whose lines start with the JVM's uptime,
 * e.g. {@code [12.345s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 60M->12M(256M) 3.456ms}.
 * Concurrent phases do not stop the application and are not counted.
 */
final class GcLog {

    private static final Pattern PAUSE = Pattern.compile(
            "^\\[(\\d+(?:\\.\\d+)?)s\\].*\\bPause\\b.*?(\\d+(?:\\.\\d+)?)ms\\s*$");

    /** A pause that ended {@code uptimeSeconds} after the JVM started. */
    record Pause(double uptimeSeconds, double millis) {
    }

    /** Pauses in total over a stretch of the JVM's uptime. */
    record Pauses(int count, double totalMillis, double maxMillis) {
        /** The share of {@code seconds} of wall time spent in these pauses. */
        double share(double seconds) {
            return totalMillis / 1000.0 / seconds;
        }
    }

    private GcLog() {
    }

    static List<Pause> pauses(List<String> lines) {
        return lines.stream().map(PAUSE::matcher).filter(Matcher::matches)
                .map(match -> new Pause(Double.parseDouble(match.group(1)), Double.parseDouble(match.group(2))))
                .toList();
    }

    /** The pauses that ended between the two uptimes. */
    static Pauses between(List<Pause> pauses, double fromSeconds, double toSeconds) {
        List<Pause> inside = pauses.stream()
                .filter(pause -> pause.uptimeSeconds() >= fromSeconds && pause.uptimeSeconds() <= toSeconds)
                .toList();
        return new Pauses(inside.size(), inside.stream().mapToDouble(Pause::millis).sum(),
                inside.stream().mapToDouble(Pause::millis).max().orElse(0));
    }
}
