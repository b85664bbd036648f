package dev.handoff.workflow;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.port.in.HandoffAction;
import dev.handoff.domain.port.in.MoveHandoffCommand;
import dev.handoff.domain.service.HandoffApplication;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * "Record decision", "Record start", "Record completion": the process moved on (a Tasklist user
 * completed the approval task, a message arrived), so the domain is told through its use case —
 * unless the domain moved first and the process is only following it.
 */
final class RecordMoveStep implements JavaDelegate {

    private final Supplier<HandoffApplication> application;
    private final Echoes echoes;
    private final Function<DelegateExecution, HandoffAction> action;

    RecordMoveStep(Supplier<HandoffApplication> application, Echoes echoes,
                   Function<DelegateExecution, HandoffAction> action) {
        this.application = application;
        this.echoes = echoes;
        this.action = action;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HandoffId id = ProcessVariables.handoffId(execution);
        if (echoes.isEchoOfMove(id)) {
            return; // the domain made this move and has set the outcome variables already
        }
        HandoffAction move = action.apply(execution);
        MoveHandoffCommand command = new MoveHandoffCommand(ProcessVariables.tenant(execution), id, move);
        Handoff moved = echoes.whileMoving(id, () -> application.get().moveHandoff().move(command));
        execution.setVariables(ProcessVariables.after(move, moved));
    }
}
