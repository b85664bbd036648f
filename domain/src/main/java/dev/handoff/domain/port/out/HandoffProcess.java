package dev.handoff.domain.port.out;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.Transition;

/**
 * The workflow that runs beside each handoff (approval gate, expiry timer). Called inside the
 * use case's transaction, so the process and the handoff row commit or roll back together.
 */
public interface HandoffProcess {

    /** Starts the process of a newly created handoff. */
    void start(Handoff handoff);

    /**
     * Tells the process that the handoff moved. Must be idempotent: the process may itself be the
     * caller (a timer or a completed user task), in which case it has already moved.
     */
    void signal(Transition transition);
}
