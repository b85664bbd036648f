package dev.handoff.domain.port.in;

import dev.handoff.domain.model.HandoffState;

/** The agent side of the handoff-state API. */
public interface RecordHandoffState {

    /** Stores the state; a later write for the same conversation replaces what readers get. */
    HandoffState record(RecordHandoffStateCommand command);
}
