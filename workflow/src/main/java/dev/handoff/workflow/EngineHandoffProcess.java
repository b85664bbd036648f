package dev.handoff.workflow;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffEvent;
import dev.handoff.domain.model.HandoffEvent.HandoffApproved;
import dev.handoff.domain.model.HandoffEvent.HandoffCompleted;
import dev.handoff.domain.model.HandoffEvent.HandoffExpired;
import dev.handoff.domain.model.HandoffEvent.HandoffRejected;
import dev.handoff.domain.model.HandoffEvent.HandoffStarted;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Transition;
import dev.handoff.domain.port.out.HandoffProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;

import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static dev.handoff.workflow.HandoffEnginePlugin.PROCESS_KEY;

/**
 * The domain's {@link HandoffProcess} on the Camunda engine. The domain calls it inside the use
 * case's unit of work, so every engine command here joins that unit and commits or rolls back
 * with the handoff row; a failed command is refused in the domain's words ({@link EngineFailures}).
 * Each move is idempotent: when there is nothing left to move (the process
 * moved first, or already followed), it does nothing.
 */
final class EngineHandoffProcess implements HandoffProcess {

    static final String DECISION_TASK = "decide";
    /** Where a handoff without approval waits for its work to start. */
    static final String PENDING = "pending";
    static final String STARTED_MESSAGE = "HandoffStarted";
    static final String COMPLETED_MESSAGE = "HandoffCompleted";

    private final Echoes echoes;
    private final String approverGroup;
    private volatile Services services;
    private volatile String definitionId;
    /** Whether a definition is the handoff process's: its key never changes, and asking costs a query. */
    private final Map<String, Boolean> handoffDefinitions = new ConcurrentHashMap<>();

    EngineHandoffProcess(Echoes echoes, String approverGroup) {
        this.echoes = echoes;
        this.approverGroup = approverGroup;
    }

    /** The engine's services, once it has them. */
    void attach(RuntimeService runtime, TaskService tasks, ManagementService management,
                RepositoryService repository) {
        this.services = new Services(runtime, tasks, management, repository);
    }

    /**
     * The version this node deployed (or found deployed as it is): its steps are the ones this node
     * runs, and starting by id spares the query for the latest version at every start.
     */
    void startsDefinition(String id) {
        this.definitionId = id;
    }

    /**
     * Starts the handoff's process where the handoff waits: at the decision task when it needs
     * approval, at "pending" when not, with the task's expiry timer. The start event and the gateways
     * before those serve a calling process that has yet to create its handoff; here the handoff
     * exists and the domain has answered "approval required?", and skipping them spares four activity
     * instances, their history rows and an expression per handoff.
     */
    @Override
    public void start(Handoff handoff) {
        if (echoes.isEchoOfCreation()) {
            return; // a calling process is creating the handoff inside its own handoff process
        }
        EngineFailures.starting(() -> services().runtime().createProcessInstanceById(definitionId())
                .businessKey(handoff.id().toString())
                .setVariables(ProcessVariables.ofNewHandoff(handoff, approverGroup))
                .startBeforeActivity(handoff.requiresApproval() ? DECISION_TASK : PENDING)
                .execute());
    }

    @Override
    public void signal(Transition transition) {
        HandoffId id = transition.handoff().id();
        if (echoes.isEchoOfMove(id)) {
            return; // the process made this move itself and asked the domain to follow
        }
        echoes.whileMoving(id, () -> EngineFailures.moving(id, () -> {
            follow(transition);
            return null;
        }));
    }

    private void follow(Transition transition) {
        Handoff handoff = transition.handoff();
        HandoffEvent event = transition.event();
        if (event instanceof HandoffApproved || event instanceof HandoffRejected) {
            decide(handoff, event instanceof HandoffApproved ? ProcessVariables.APPROVE : ProcessVariables.REJECT);
        } else if (event instanceof HandoffStarted) {
            deliver(STARTED_MESSAGE, handoff);
        } else if (event instanceof HandoffCompleted) {
            deliver(COMPLETED_MESSAGE, handoff);
        } else if (event instanceof HandoffExpired expired) {
            expireNow(handoff, Date.from(expired.occurredAt()));
        }
    }

    private void decide(Handoff handoff, String decision) {
        Optional<Task> task = instancesOf(handoff).stream()
                .map(instance -> services().tasks().createTaskQuery()
                        .processInstanceId(instance)
                        .taskDefinitionKey(DECISION_TASK)
                        .singleResult())
                .filter(Objects::nonNull)
                .filter(found -> isHandoffDefinition(found.getProcessDefinitionId()))
                .findFirst();
        if (task.isEmpty()) {
            return;
        }
        Map<String, Object> variables = ProcessVariables.afterDecision(handoff);
        variables.put(ProcessVariables.DECISION, decision);
        services().tasks().complete(task.get().getId(), variables);
    }

    private void deliver(String message, Handoff handoff) {
        services().runtime().createMessageCorrelation(message)
                .processInstanceBusinessKey(handoff.id().toString())
                .setVariables(ProcessVariables.afterMove(handoff))
                .correlateAll();
    }

    /** Expired by something other than the timer: the timer is brought forward and fires at once. */
    private void expireNow(Handoff handoff, Date expiredAt) {
        instancesOf(handoff).forEach(instance -> services().management().createJobQuery()
                .processInstanceId(instance)
                .processDefinitionKey(PROCESS_KEY)
                .timers().list()
                .forEach(timer -> services().management().setJobDuedate(timer.getId(), expiredAt)));
    }

    /**
     * The ids of the process instances whose business key is the handoff's id; whether one is the
     * handoff's process is told by what is found in it. The executions query is the one that both
     * databases start from the business-key index: the process-instance query also asks for "no
     * parent", and HSQLDB read every open instance through that index instead (19 ms at 16,000
     * open handoffs); a query naming the definition's key let PostgreSQL, on statistics from before
     * a burst of creates, start from the definition and read every open task (38 ms).
     */
    private Set<String> instancesOf(Handoff handoff) {
        return services().runtime().createExecutionQuery()
                .processInstanceBusinessKey(handoff.id().toString())
                .list().stream()
                .map(Execution::getProcessInstanceId)
                .collect(Collectors.toSet());
    }

    private boolean isHandoffDefinition(String id) {
        Boolean known = handoffDefinitions.get(id);
        if (known == null) {
            known = PROCESS_KEY.equals(services().repository().getProcessDefinition(id).getKey());
            handoffDefinitions.put(id, known);
        }
        return known;
    }

    private String definitionId() {
        String deployed = definitionId;
        if (deployed == null) {
            throw new IllegalStateException("a handoff process is started before the process was deployed");
        }
        return deployed;
    }

    private Services services() {
        Services attached = services;
        if (attached == null) {
            throw new IllegalStateException("the handoff process is used before its engine was built");
        }
        return attached;
    }

    private record Services(RuntimeService runtime, TaskService tasks, ManagementService management,
                            RepositoryService repository) {
    }
}
