package dev.handoff.domain.model;

/** Nothing with this id in the caller's tenant (another tenant's ids look the same). */
public final class NotFound extends DomainException {

    public NotFound(String message) {
        super(message);
    }

    public static NotFound handoff(HandoffId id) {
        return new NotFound("no handoff " + id);
    }
}
