package dev.handoff.domain.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an API key may do. */
public enum Scope {
    HANDOFFS_READ("handoffs:read"),
    HANDOFFS_WRITE("handoffs:write"),
    STATE_READ("handoff_state:read"),
    STATE_WRITE("handoff_state:write");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Scope fromWire(String text, String field) {
        return Arrays.stream(values())
                .filter(scope -> scope.wireName.equals(text))
                .findFirst()
                .orElseThrow(() -> InvalidInput.of(field, "must be among " + wireNames() + ", was " + text));
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(Scope::wireName).collect(Collectors.joining(", "));
    }
}
