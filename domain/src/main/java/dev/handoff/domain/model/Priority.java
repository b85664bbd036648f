package dev.handoff.domain.model;

/** Urgency from 0 (most urgent) to 3; 2 when not given. */
public record Priority(int value) {

    public static final Priority DEFAULT = new Priority(2);

    public Priority {
        if (value < 0 || value > 3) {
            throw InvalidInput.of("priority", "must be an integer from 0 (most urgent) to 3, was " + value);
        }
    }
}
