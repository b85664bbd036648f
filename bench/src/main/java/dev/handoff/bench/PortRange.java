package dev.handoff.bench;

/** Hands out the ports of the systems a run starts, each once, from the bench's own range. */
final class PortRange {

    private final int last;
    private int next;

    PortRange(int first, int last) {
        this.next = first;
        this.last = last;
    }

    synchronized int next() {
        if (next > last) {
            throw new IllegalStateException("no port left in the bench's range (up to " + last + ")");
        }
        return next++;
    }
}
