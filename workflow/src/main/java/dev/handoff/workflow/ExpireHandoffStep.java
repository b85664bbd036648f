package dev.handoff.workflow;

import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.service.HandoffApplication;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import java.util.function.Supplier;

/**
 * "Expire handoff", after an expiry timer fired: runs in the timer job's unit of work, so the
 * expiry and the process's move commit together or are retried together.
 */
final class ExpireHandoffStep implements JavaDelegate {

    private final Supplier<HandoffApplication> application;
    private final Echoes echoes;

    ExpireHandoffStep(Supplier<HandoffApplication> application, Echoes echoes) {
        this.application = application;
        this.echoes = echoes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HandoffId id = ProcessVariables.handoffId(execution);
        Handoff handoff = echoes.whileMoving(id,
                () -> application.get().expireHandoff().expire(ProcessVariables.tenant(execution), id));
        if (handoff.status() != HandoffStatus.EXPIRED) {
            // a decision cancels the timer in the same transaction; one that fires anyway is a fault to look at
            throw new Conflict("handoff " + id + " is " + handoff.status().wireName()
                    + ", yet its expiry timer fired");
        }
        execution.setVariables(ProcessVariables.afterMove(handoff));
    }
}
