package dev.handoff.bench;

/**
 * Handoff under a small heap at high concurrency.
 *
 * @param alive       still answering /health after the load
 * @param outOfMemory an OutOfMemoryError in its output
 * @param gc          the pauses during the load
 */
record MemoryResult(DatabaseKind database, String heap, int concurrency, double seconds, CellResult load,
                    boolean alive, boolean outOfMemory, GcLog.Pauses gc, double peakRssMegabytes,
                    double finalRssMegabytes) {

    double gcShare() {
        return gc.share(seconds);
    }

    boolean failed() {
        return !alive || outOfMemory || load.errors() > 0;
    }
}
