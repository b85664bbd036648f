package dev.handoff.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A system under test in a JVM of its own: output to a log file, ready when it answers or says so,
 * stopped with SIGTERM (SIGKILL if it does not end).
 */
final class ChildProcess {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final long spawnedNanos;

    private ChildProcess(String name, Process process, Path log, long spawnedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.spawnedNanos = spawnedNanos;
    }

    /** Starts {@code command} with only the given HANDOFF_* variables (none inherited). */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("HANDOFF_"));
        builder.environment().putAll(environment);
        long spawned = System.nanoTime();
        try {
            return new ChildProcess(name, builder.start(), log, spawned);
        } catch (IOException failure) {
            throw new IllegalStateException("cannot start " + name + ": " + failure.getMessage(), failure);
        }
    }

    /** Waits for the first 200 from {@code url}; returns the time since the process was spawned. */
    Duration awaitHttpOk(URI url, Duration timeout) {
        HttpRequest probe = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
        return awaitReady(timeout, () -> {
            try {
                return PROBE.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** Waits until its output contains {@code line}; returns the time since the process was spawned. */
    Duration awaitOutput(String line, Duration timeout) {
        return awaitReady(timeout, () -> output().contains(line));
    }

    private interface Readiness {
        boolean ready() throws InterruptedException;
    }

    private Duration awaitReady(Duration timeout, Readiness readiness) {
        long deadline = spawnedNanos + timeout.toNanos();
        try {
            while (true) {
                if (readiness.ready()) {
                    return Duration.ofNanos(System.nanoTime() - spawnedNanos);
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue()
                            + " before it was ready; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds()
                            + " s; see " + log);
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, interrupted);
        }
    }

    /** Waits for it to end by itself; fails if it does not within {@code timeout} or ends with an error. */
    void awaitSuccess(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " did not end within " + timeout.toSeconds() + " s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** SIGTERM and wait; SIGKILL if it has not ended within a minute. */
    void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            Progress.say("%s did not stop within %d s of SIGTERM; killing it", name, STOP_TIMEOUT.toSeconds());
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** When the process was spawned, on {@link System#nanoTime()}'s scale. */
    long spawnedNanos() {
        return spawnedNanos;
    }

    Path log() {
        return log;
    }

    String name() {
        return name;
    }

    /** Everything it has written so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException unreadable) {
            return "";
        }
    }
}
