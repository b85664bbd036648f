package dev.handoff.workflow;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.service.HandoffApplication;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Create handoff": a calling process passed the handoff's content in; the handoff is created
 * through the domain's use case, and this process instance becomes its process (business key =
 * handoff id). Subject and body stay in the domain's tables, not in the process.
 */
final class CreateHandoffStep implements JavaDelegate {

    private final Supplier<HandoffApplication> application;
    private final Echoes echoes;
    private final Optional<Tenant> defaultTenant;
    private final String approverGroup;

    CreateHandoffStep(Supplier<HandoffApplication> application, Echoes echoes, Optional<Tenant> defaultTenant,
                      String approverGroup) {
        this.application = application;
        this.echoes = echoes;
        this.defaultTenant = defaultTenant;
        this.approverGroup = approverGroup;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var command = CallInputs.command(execution, defaultTenant);
        Handoff handoff = echoes.whileCreating(() -> application.get().createHandoff().create(command)).handoff();
        execution.setProcessBusinessKey(handoff.id().toString());
        execution.removeVariables(List.of(ProcessVariables.SUBJECT, ProcessVariables.BODY));
        execution.setVariables(ProcessVariables.ofCreatedHandoff(handoff, approverGroup));
    }
}
