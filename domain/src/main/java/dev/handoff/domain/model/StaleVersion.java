package dev.handoff.domain.model;

/** The caller acted on a version of the handoff that is no longer current. */
public final class StaleVersion extends DomainException {

    public StaleVersion(HandoffId id, long expected, long actual) {
        super("handoff " + id + " is at version " + actual + ", not " + expected);
    }
}
