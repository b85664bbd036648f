package dev.handoff.bench;

import java.util.Map;

/**
 * How long {@code bin/handoff serve} takes to answer its first 200 on /health with the embedded
 * default, whether the data directory is new (every table is created) or was used before.
 */
final class StartTime {

    private StartTime() {
    }

    /** Starts a server with the default settings and stops it again; returns the seconds to its first 200. */
    static double startAndStop(SystemLauncher launcher, Database database, String name) {
        RunningSystem server = launcher.handoff(name, database, Map.of());
        server.stop();
        double seconds = seconds(server);
        Progress.say("%s: %s answered after %s s", database.kind().option(), name, Figures.seconds(seconds));
        return seconds;
    }

    static double seconds(RunningSystem server) {
        return server.startedIn().toNanos() / 1e9;
    }
}
