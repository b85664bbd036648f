package dev.handoff.domain.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The six lifecycle states of the seed, with their wire names. */
public enum HandoffStatus {
    PENDING("pending"),
    ACCEPTED("accepted"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    REJECTED("rejected"),
    EXPIRED("expired");

    private final String wireName;

    HandoffStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == REJECTED || this == EXPIRED;
    }

    /** Reads a wire name; anything else is invalid input naming {@code field}. */
    public static HandoffStatus fromWire(String text, String field) {
        return Arrays.stream(values())
                .filter(status -> status.wireName.equals(text))
                .findFirst()
                .orElseThrow(() -> InvalidInput.of(field, "must be one of " + wireNames()));
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(HandoffStatus::wireName).collect(Collectors.joining(", "));
    }
}
