package dev.handoff.domain.model;

/** A value over one of the {@link Limits} that exist to protect the store. */
public final class TooLarge extends DomainException {

    private final String field;

    public TooLarge(String field, int limit) {
        super(field + " must be at most " + limit + " characters");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
