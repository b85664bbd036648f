package dev.handoff.domain.port.out;

import dev.handoff.domain.model.HandoffId;

/** Source of new handoff ids; time-ordered so that they sort by creation. */
public interface HandoffIds {

    HandoffId next();
}
