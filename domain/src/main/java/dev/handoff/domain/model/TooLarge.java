package dev.handoff.domain.model;

/** A value over one of the {@link Limits} that exist to protect the store. */
public final class TooLarge extends DomainException {

    private final String field;
    private final int limit;

    public TooLarge(String field, int limit) {
        super(field + " " + requirement(limit));
        this.field = field;
        this.limit = limit;
    }

    public String field() {
        return field;
    }

    public int limit() {
        return limit;
    }

    /** What the field must respect, without naming it: "must be at most N characters". */
    public String requirement() {
        return requirement(limit);
    }

    private static String requirement(int limit) {
        return "must be at most " + limit + " characters";
    }
}
