package dev.handoff.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real Handoff server in a child JVM — the same {@code dev.handoff.server.Main} that
 * {@code bin/handoff} runs — which a test can stop gracefully or kill with SIGKILL.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    // a busy node logs a line per request: a copy-on-write list would copy itself at every one
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private Thread reader;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code bin/handoff serve} on {@code dataDir} with extra settings as environment variables. */
    public static ServerProcess serve(Path dataDir, Map<String, String> environment) {
        int port = freePort();
        List<String> command = javaCommand("serve", "--port", Integer.toString(port), "--data-dir", dataDir.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("HANDOFF_"));
        builder.environment().putAll(environment);
        ServerProcess server;
        try {
            server = new ServerProcess(builder.start(), port);
        } catch (IOException failure) {
            throw new IllegalStateException("cannot start the server", failure);
        }
        server.awaitServing();
        return server;
    }

    /** Runs another {@code bin/handoff} command to completion and returns its output lines. */
    public static List<String> run(Map<String, String> environment, String... args) {
        ProcessBuilder builder = new ProcessBuilder(javaCommand(args)).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("HANDOFF_"));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            }
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("bin/handoff " + String.join(" ", args) + " failed: " + lines);
            }
            return lines;
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** SIGTERM: the graceful shutdown a service manager would ask for. */
    void stop() {
        // through the handle: Process.destroy() would also close our end of its output, losing its last words
        process.toHandle().destroy();
        awaitExit();
    }

    /** SIGKILL: no shutdown hook, no clean close. */
    public void kill() {
        process.toHandle().destroyForcibly();
        awaitExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitServing() {
        CompletableFuture<Void> serving = new CompletableFuture<>();
        reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    if (line.startsWith("Handoff is serving on")) {
                        serving.complete(null);
                    }
                }
            } catch (IOException closed) {
                // the process ended
            }
            serving.completeExceptionally(new IllegalStateException("the server exited: " + output));
        }, "server-output-" + port);
        reader.setDaemon(true);
        reader.start();
        try {
            serving.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception failure) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start: " + output, failure);
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("the server did not stop within 60 s: " + output);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10)); // its last words are still in the pipe
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.handoff.server.Main");
        command.addAll(List.of(args));
        return command;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    public static Path newDataDir(Path parent, String name) {
        try {
            return Files.createDirectories(parent.resolve(name));
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
