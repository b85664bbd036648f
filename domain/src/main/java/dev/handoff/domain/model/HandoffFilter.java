package dev.handoff.domain.model;

import java.util.Objects;
import java.util.Optional;

/** The list endpoint's filters: by status and by recipient profile; empty ones match everything. */
public record HandoffFilter(Optional<HandoffStatus> status, Optional<String> recipient) {

    public static final HandoffFilter ALL = new HandoffFilter(Optional.empty(), Optional.empty());

    public HandoffFilter {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recipient, "recipient");
    }
}
