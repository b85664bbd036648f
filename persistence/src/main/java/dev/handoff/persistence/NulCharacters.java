package dev.handoff.persistence;

import dev.handoff.domain.model.InvalidInput;

import java.util.Arrays;

/**
 * PostgreSQL cannot store the character U+0000 in text, and fails the whole statement when asked
 * to. So that both databases behave alike, and bad input is never a server error: writes refuse
 * it as invalid input, and lookups for it find nothing (no stored text contains it).
 */
final class NulCharacters {

    private static final char NUL = '\u0000';

    private NulCharacters() {
    }

    /** {@code value} unchanged, or InvalidInput naming {@code field}. */
    static String refuse(String field, String value) {
        if (value != null && value.indexOf(NUL) >= 0) {
            throw InvalidInput.of(field, "must not contain the character U+0000");
        }
        return value;
    }

    static boolean anyIn(String... values) {
        return Arrays.stream(values).anyMatch(value -> value != null && value.indexOf(NUL) >= 0);
    }
}
