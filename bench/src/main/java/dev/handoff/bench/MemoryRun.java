package dev.handoff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Handoff with {@code -Xmx256m} under lifecycles at concurrency 16: does it stay up, how much of
 * the time goes to GC pauses (from its GC log), how much memory the process holds (from /proc).
 */
final class MemoryRun {

    static final String HEAP = "256m";

    private MemoryRun() {
    }

    static MemoryResult run(SystemLauncher launcher, Database database, Path gcLog, String apiKey, Http http,
                            Duration window) throws IOException {
        RunningSystem server = launcher.handoff("handoff-" + database.kind().option() + "-memory", database,
                Map.of("HANDOFF_JAVA_OPTS", "-Xmx" + HEAP + " -Xlog:gc:file=" + gcLog));
        try {
            ChildProcess process = server.process();
            Http.Endpoint endpoint = http.endpoint(server.baseUrl(), apiKey);
            ResidentMemory memory = ResidentMemory.sample(process.pid());
            double loadFrom = uptimeSeconds(process);
            CellResult load;
            try {
                load = LoadRun.run(database.kind(), new HandoffLifecycles(endpoint), Volumes.HIGH_CONCURRENCY,
                        Duration.ZERO, window);
            } finally {
                memory.close();
            }
            double loadTo = uptimeSeconds(process);
            boolean alive = process.isAlive() && answersHealth(http, server);
            boolean outOfMemory = process.output().contains("OutOfMemoryError");
            GcLog.Pauses pauses = GcLog.between(GcLog.pauses(Files.exists(gcLog) ? Files.readAllLines(gcLog)
                    : List.of()), loadFrom, loadTo);
            return new MemoryResult(database.kind(), HEAP, Volumes.HIGH_CONCURRENCY, loadTo - loadFrom, load, alive,
                    outOfMemory, pauses, memory.peakMegabytes(), memory.lastMegabytes());
        } finally {
            server.stop();
        }
    }

    /** Seconds since the process was spawned: the GC log's uptime, give or take the JVM's own start. */
    private static double uptimeSeconds(ChildProcess process) {
        return (System.nanoTime() - process.spawnedNanos()) / 1e9;
    }

    private static boolean answersHealth(Http http, RunningSystem server) {
        try {
            http.endpoint(server.baseUrl(), null).get("health");
            return true;
        } catch (Exception notAnswering) {
            return false;
        }
    }
}
