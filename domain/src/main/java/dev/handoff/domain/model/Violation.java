package dev.handoff.domain.model;

import java.util.Objects;

/** One thing wrong with a request: the field it concerns and what a client should change. */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + " " + message;
    }
}
