package dev.handoff.domain.model;

import java.util.Objects;
import java.util.UUID;

/** Identifies a handoff; a time-ordered UUID (version 7), so ids sort by creation. */
public record HandoffId(UUID value) implements Comparable<HandoffId> {

    public HandoffId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the canonical textual form, naming {@code field} when it is not a UUID. */
    public static HandoffId parse(String text, String field) {
        if (text == null || !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw InvalidInput.of(field, "must be a UUID such as 0190f5a4-7b3c-7d2e-9f10-1a2b3c4d5e6f");
        }
        return new HandoffId(UUID.fromString(text));
    }

    @Override
    public int compareTo(HandoffId other) {
        return value.toString().compareTo(other.value.toString());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
