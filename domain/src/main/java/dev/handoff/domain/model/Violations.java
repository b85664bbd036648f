package dev.handoff.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects everything wrong with a request before refusing it, so that a client learns about
 * every offending field at once rather than one per round trip.
 */
public final class Violations {

    private static final String STORABLE = "must not contain NUL characters or unpaired surrogates";

    private final List<Violation> found = new ArrayList<>();

    /** A required, non-blank text of at most {@code max} characters; null when invalid. */
    public String required(String field, String value, int max) {
        if (value == null) {
            add(field, "is required");
            return null;
        }
        return checked(field, value, max);
    }

    /** An optional text: absent when null, otherwise non-blank and at most {@code max} characters. */
    public Optional<String> optional(String field, String value, int max) {
        return value == null ? Optional.empty() : Optional.ofNullable(checked(field, value, max));
    }

    /** Whether {@code value} is storable text (see {@link #isStorableText}); records the violation when not. */
    public boolean storable(String field, String value) {
        if (isStorableText(value)) {
            return true;
        }
        add(field, STORABLE);
        return false;
    }

    /** Runs a value type's own validation, collecting its refusal instead of stopping at it. */
    public <T> Optional<T> attempt(java.util.function.Supplier<T> parse) {
        try {
            return Optional.of(parse.get());
        } catch (InvalidInput invalid) {
            found.addAll(invalid.violations());
            return Optional.empty();
        }
    }

    public void add(String field, String message) {
        found.add(new Violation(field, message));
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInput(found);
        }
    }

    /** Text every database stores as given: no U+0000 (PostgreSQL refuses it), no broken UTF-16. */
    public static boolean isStorableText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private String checked(String field, String value, int max) {
        if (value.isBlank()) {
            add(field, "must not be blank");
            return null;
        }
        if (value.length() > max) {
            add(field, "must be at most " + max + " characters, was " + value.length());
            return null;
        }
        if (!isStorableText(value)) {
            add(field, STORABLE);
            return null;
        }
        return value;
    }
}
