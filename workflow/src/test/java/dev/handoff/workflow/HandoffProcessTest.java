package dev.handoff.workflow;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.model.Transition;
import dev.handoff.domain.port.in.HandoffAction;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static dev.handoff.workflow.EngineWorld.APPROVER;
import static dev.handoff.workflow.EngineWorld.RECIPIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The handoff process beside each handoff: how it starts, where it waits, and the two doors to a decision. */
@ExtendWith(SharedEngine.class)
class HandoffProcessTest {

    private final EngineWorld world;
    private final Tenant tenant = EngineWorld.aTenant();

    HandoffProcessTest(EngineWorld world) {
        this.world = world;
        BpmnAwareTests.init(world.engine);
    }

    @Test
    void the_plugin_deploys_the_handoff_process_with_its_diagram_and_the_configured_history_time_to_live() {
        // when
        ProcessDefinition definition = world.repository().createProcessDefinitionQuery()
                .processDefinitionKey(HandoffEnginePlugin.PROCESS_KEY).latestVersion().singleResult();

        // then
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(30);
        assertThat(definition.getResourceName()).isEqualTo(HandoffEnginePlugin.BPMN_RESOURCE);
        BpmnModelInstance model = world.repository().getBpmnModelInstance(definition.getId());
        assertThat(model.getDefinitions().getBpmDiagrams()).isNotEmpty();
        assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Error.class))
                .extracting(org.camunda.bpm.model.bpmn.instance.Error::getErrorCode)
                .containsExactlyInAnyOrder(HandoffEnginePlugin.REJECTED_ERROR_CODE,
                        HandoffEnginePlugin.EXPIRED_ERROR_CODE);
    }

    @Test
    void an_engine_built_again_on_its_database_starts_new_handoffs_in_the_version_it_found_deployed() {
        try (TestDatabase database = TestDatabase.fresh()) {
            // given
            String deployed;
            try (EngineWorld first = EngineWorld.open(database.settings())) {
                deployed = first.runningProcessOf(first.create(tenant, true)).getProcessDefinitionId();
            }

            // when
            try (EngineWorld second = EngineWorld.open(database.settings())) {
                // then: the definition it found was parsed as the engine was built, without Camunda's
                // BPMN model (a definition query would read it into one, schema validation and all)
                DeploymentCache cache = second.configuration().getDeploymentCache();
                assertThat(cache.getProcessDefinitionCache().get(deployed)).isNotNull();
                assertThat(cache.getBpmnModelInstanceCache().get(deployed)).isNull();

                // and new handoffs start in it
                Handoff handoff = second.create(tenant, true);
                assertThat(second.runningProcessOf(handoff).getProcessDefinitionId()).isEqualTo(deployed);
                assertThat(second.waitingAt(handoff)).containsExactly("decide");
                assertThat(second.repository().createProcessDefinitionQuery()
                        .processDefinitionKey(HandoffEnginePlugin.PROCESS_KEY).count()).isEqualTo(1);
            }
        }
    }

    @Test
    void creating_a_handoff_starts_one_process_keyed_by_the_handoff_id_keeping_only_id_tenant_and_status() {
        // when
        Handoff handoff = world.create(tenant, true);

        // then: routing, task and timer inputs were used while starting, and not kept
        String processId = world.runningProcessOf(handoff).getId();
        assertThat(world.runningProcessOf(handoff).getBusinessKey()).isEqualTo(handoff.id().toString());
        Map<String, Object> variables = world.runtime().getVariables(processId);
        assertThat(variables).containsOnlyKeys("handoffId", "accountId", "projectId", "handoffStatus");
        assertThat(variables).containsEntry("handoffId", handoff.id().toString())
                .containsEntry("accountId", tenant.accountId())
                .containsEntry("projectId", tenant.projectId())
                .containsEntry("handoffStatus", "pending");
        Instant timerDate = world.management().createJobQuery().processInstanceId(processId).timers()
                .singleResult().getDuedate().toInstant();
        assertThat(Duration.between(handoff.expiresAt(), timerDate)).isBetween(Duration.ZERO, Duration.ofMillis(1));
        world.assertOneProcessPerHandoff(tenant);
    }

    @Test
    void a_handoff_that_needs_approval_waits_at_a_user_task_offered_to_the_recipient_and_the_approvers() {
        // when
        Handoff handoff = world.create(tenant, true);

        // then
        assertThat(world.waitingAt(handoff)).containsExactly("decide");
        String businessKey = handoff.id().toString();
        assertThat(world.tasks().createTaskQuery().taskCandidateUser(RECIPIENT)
                .processInstanceBusinessKey(businessKey).list()).hasSize(1);
        assertThat(world.tasks().createTaskQuery().taskCandidateGroup("handoff-approvers")
                .processInstanceBusinessKey(businessKey).list()).hasSize(1);
        assertThat(world.tasks().createTaskQuery().taskCandidateUser("someone-else")
                .processInstanceBusinessKey(businessKey).list()).isEmpty();
        assertThat(world.timerOf(handoff)).isPresent();
    }

    @Test
    void a_handoff_without_approval_waits_pending_for_work_to_start() {
        // when
        Handoff handoff = world.create(tenant, false);

        // then
        assertThat(world.waitingAt(handoff)).containsExactly("pending");
        assertThat(world.decisionTaskOf(handoff)).isEmpty();
        assertThat(world.timerOf(handoff)).isPresent();
    }

    @ParameterizedTest(name = "{1} through the {0}")
    @CsvSource({
            "domain,   approve, accepted, handoff.approved",
            "domain,   reject,  rejected, handoff.rejected",
            "tasklist, approve, accepted, handoff.approved",
            "tasklist, reject,  rejected, handoff.rejected"})
    void a_decision_through_either_door_moves_the_handoff_and_its_process_exactly_once(
            String door, String decision, String status, String event) {
        // given
        Handoff handoff = world.create(tenant, true);
        ProcessInstance process = world.runningProcessOf(handoff);

        // when
        if (door.equals("domain")) {
            world.move(handoff, decision.equals("approve")
                    ? new HandoffAction.Approve(APPROVER) : new HandoffAction.Reject(APPROVER));
        } else {
            Task task = world.decisionTaskOf(handoff).orElseThrow();
            world.tasks().complete(task.getId(), Map.of("decision", decision, "approvedBy", APPROVER));
        }

        // then
        Handoff decided = world.reload(handoff);
        assertThat(decided.status().wireName()).isEqualTo(status);
        assertThat(decided.approvedBy()).contains(APPROVER);
        assertThat(world.eventsOf(handoff)).containsExactly("handoff.created", event);
        assertThat(world.decisionTaskOf(handoff)).isEmpty();
        assertThat(world.timerOf(handoff)).isEmpty();
        if (decision.equals("approve")) {
            BpmnAwareTests.assertThat(process).isWaitingAtExactly("accepted")
                    .hasPassed("decide", "recordDecision", "approved")
                    .variables().containsEntry("handoffStatus", "accepted").containsEntry("approvedBy", APPROVER);
        } else {
            BpmnAwareTests.assertThat(process).isEnded().hasPassed("decide", "recordDecision", "rejected");
        }
        world.assertOneProcessPerHandoff(tenant);
    }

    @Test
    void starting_and_completing_work_moves_the_process_from_accepted_to_in_progress_to_completed() {
        // given
        Handoff handoff = world.approve(world.create(tenant, true));

        // when
        world.move(handoff, new HandoffAction.Start(Optional.of("task-77")));

        // then
        assertThat(world.waitingAt(handoff)).containsExactly("inProgress");
        assertThat(world.runtime().getVariable(world.runningProcessOf(handoff).getId(), "handoffStatus"))
                .isEqualTo("in_progress");

        // when
        world.move(handoff, new HandoffAction.Complete());

        // then
        assertThat(world.endedAt(handoff)).contains("completed");
        assertThat(world.reload(handoff).status()).isEqualTo(HandoffStatus.COMPLETED);
        assertThat(world.eventsOf(handoff)).containsExactly("handoff.created", "handoff.approved",
                "handoff.started", "handoff.completed");
    }

    @Test
    void who_decided_is_written_with_the_decision_and_not_again_by_the_later_moves() {
        // given
        Handoff handoff = world.approve(world.create(tenant, true));
        String process = world.runningProcessOf(handoff).getId();

        // when
        world.move(handoff, new HandoffAction.Start(Optional.of("task-77")));

        // then
        assertThat(revision(process, "approvedBy")).as("approvedBy written once").isEqualTo(1);
        assertThat(revision(process, "handoffStatus")).as("the status written at every move").isEqualTo(3);
        assertThat(world.runtime().getVariable(process, "approvedBy")).isEqualTo(APPROVER);
    }

    private int revision(String process, String variable) {
        return ((VariableInstanceEntity) world.runtime().createVariableInstanceQuery()
                .processInstanceIdIn(process).variableName(variable).singleResult()).getRevision();
    }

    @Test
    void messages_to_the_process_move_the_handoff_the_same_way() {
        // given
        Handoff handoff = world.create(tenant, false);

        // when
        world.runtime().createMessageCorrelation("HandoffStarted")
                .processInstanceBusinessKey(handoff.id().toString())
                .setVariable("targetTaskId", "task-88")
                .correlate();

        // then
        Handoff started = world.reload(handoff);
        assertThat(started.status()).isEqualTo(HandoffStatus.IN_PROGRESS);
        assertThat(started.targetTaskId()).contains("task-88");
        assertThat(world.waitingAt(handoff)).containsExactly("inProgress");

        // when
        world.runtime().createMessageCorrelation("HandoffCompleted")
                .processInstanceBusinessKey(handoff.id().toString())
                .correlate();

        // then
        assertThat(world.reload(handoff).status()).isEqualTo(HandoffStatus.COMPLETED);
        assertThat(world.endedAt(handoff)).contains("completed");
        assertThat(world.eventsOf(handoff)).containsExactly("handoff.created", "handoff.started",
                "handoff.completed");
    }

    @Test
    void telling_the_process_again_about_a_move_it_already_made_changes_nothing() {
        // given
        Handoff pending = world.create(tenant, true);
        Transition approval = pending.approve(APPROVER, Instant.now());
        world.approve(pending);

        // when
        world.persistence.transactions().inTransaction(() -> {
            world.plugin.handoffProcess().signal(approval);
            world.plugin.handoffProcess().signal(approval);
            return null;
        });

        // then
        assertThat(world.waitingAt(pending)).containsExactly("accepted");
        assertThat(world.eventsOf(pending)).containsExactly("handoff.created", "handoff.approved");
    }

    @Test
    void completing_the_approval_task_without_a_valid_decision_is_refused_and_changes_nothing() {
        // given
        Handoff handoff = world.create(tenant, true);
        Task task = world.decisionTaskOf(handoff).orElseThrow();

        // when / then
        assertThatThrownBy(() -> world.tasks().complete(task.getId(), Map.of("decision", "maybe")))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("decision");
        assertThat(world.reload(handoff).status()).isEqualTo(HandoffStatus.PENDING);
        assertThat(world.waitingAt(handoff)).containsExactly("decide");
        assertThat(world.eventsOf(handoff)).containsExactly("handoff.created");
    }
}
