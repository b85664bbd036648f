package dev.handoff.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the systems under test, each in a JVM of its own on the same Java as the load generator:
 * Handoff through {@code bin/handoff serve}, the floor and the Camunda peer through their
 * {@code PeerServer}. Each is stopped at the end of the run at the latest.
 */
final class SystemLauncher {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final String PEER_MAIN = "dev.handoff.bench.peer.PeerServer";

    private final Path home;
    private final PortRange ports;
    private final RunDirectory run;
    private final Cleanup cleanup;

    SystemLauncher(Path home, PortRange ports, RunDirectory run, Cleanup cleanup) {
        this.home = home;
        this.ports = ports;
        this.run = run;
        this.cleanup = cleanup;
    }

    /**
     * {@code bin/handoff prepare}: what the first serve after a build does before it starts, recording
     * the class-data archive (about 15 s), done ahead so that no measured start includes it.
     */
    void prepareHandoff() throws InterruptedException {
        cleanup.ensureRunning();
        ChildProcess process = ChildProcess.start("handoff-prepare",
                List.of(home.resolve("bin/handoff").toString(), "prepare"), javaFirstOnPath(), run.log("handoff-prepare"));
        Cleanup.Registration stopping = cleanup.add("stop handoff-prepare", process::stop);
        try {
            process.awaitSuccess(READY_TIMEOUT);
        } finally {
            stopping.runNow();
        }
    }

    /** {@code settings}: further HANDOFF_* variables, e.g. HANDOFF_JAVA_OPTS. */
    RunningSystem handoff(String name, Database database, Map<String, String> settings) {
        cleanup.ensureRunning();
        int port = ports.next();
        Map<String, String> environment = new HashMap<>(javaFirstOnPath());
        environment.putAll(database.handoffEnvironment());
        environment.put("HANDOFF_PORT", Integer.toString(port));
        environment.put("HANDOFF_HOST", "127.0.0.1");
        environment.putAll(settings);
        ChildProcess process = ChildProcess.start(name,
                List.of(home.resolve("bin/handoff").toString(), "serve"), environment, run.log(name));
        Cleanup.Registration stopping = cleanup.add("stop " + name, process::stop);
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        Duration startedIn = process.awaitHttpOk(base.resolve("health"), READY_TIMEOUT);
        return new RunningSystem(process, base, startedIn, stopping);
    }

    /** The floor and the Camunda peer, which say when they are ready; Camunda's defaults. */
    RunningSystem peer(String name, Database database) {
        return peer(name, database, false);
    }

    /** {@code tunedEngine}: the peer's engine with Handoff's job-executor pace (its expiry wave). */
    RunningSystem peer(String name, Database database, boolean tunedEngine) {
        cleanup.ensureRunning();
        int port = ports.next();
        List<String> command = new ArrayList<>(List.of(Java.executable().toString(), "-cp",
                System.getProperty("java.class.path"), PEER_MAIN, "--port", Integer.toString(port)));
        command.addAll(database.peerArguments());
        command.addAll(List.of("--engine", tunedEngine ? "tuned" : "defaults"));
        ChildProcess process = ChildProcess.start(name, command, Map.of(), run.log(name));
        Cleanup.Registration stopping = cleanup.add("stop " + name, process::stop);
        Duration startedIn = process.awaitOutput("peer ready on port " + port, READY_TIMEOUT);
        return new RunningSystem(process, URI.create("http://127.0.0.1:" + port + "/"), startedIn, stopping);
    }

    /** bin/handoff runs the first {@code java} on the PATH: make it this one. */
    private static Map<String, String> javaFirstOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Map.of("PATH", Java.executable().getParent() + (path.isEmpty() ? "" : ":" + path));
    }
}
