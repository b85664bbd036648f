package dev.handoff.domain.model;

/** The request is valid but the handoff's state does not allow it (now). */
public final class Conflict extends DomainException {

    public Conflict(String message) {
        super(message);
    }

    public static Conflict illegalTransition(HandoffId id, HandoffStatus from, String action) {
        return new Conflict("cannot " + action + " handoff " + id + ": it is " + from.wireName());
    }

    public static Conflict concurrentUpdate(HandoffId id) {
        return new Conflict("handoff " + id + " was changed by another request at the same time; read it again");
    }
}
