package dev.handoff.cluster;

import dev.handoff.endtoend.Api;
import dev.handoff.endtoend.ServerProcess;

/** One member of the cluster: its name (the job executor's lock owner), its process and a client of its API. */
record Node(String name, ServerProcess process, Api api) {

    @Override
    public String toString() {
        return name + " at " + process.baseUrl();
    }
}
