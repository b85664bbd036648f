package dev.handoff.bench;

import java.net.URI;
import java.time.Duration;

/** A system that answers on {@code baseUrl}, until {@link #stop()}. */
final class RunningSystem {

    private final ChildProcess process;
    private final URI baseUrl;
    private final Duration startedIn;
    private final Cleanup.Registration stopping;

    RunningSystem(ChildProcess process, URI baseUrl, Duration startedIn, Cleanup.Registration stopping) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.startedIn = startedIn;
        this.stopping = stopping;
    }

    ChildProcess process() {
        return process;
    }

    /** Ends with a slash. */
    URI baseUrl() {
        return baseUrl;
    }

    /** From spawning the process to its first ready answer. */
    Duration startedIn() {
        return startedIn;
    }

    void stop() {
        stopping.runNow();
    }
}
