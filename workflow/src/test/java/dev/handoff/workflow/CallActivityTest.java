package dev.handoff.workflow;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.HandoffAction;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static dev.handoff.workflow.EngineWorld.APPROVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A BPM team's process calls {@code handoff} as a call activity: it passes the handoff's content
 * in, gets {@code handoffId}, {@code handoffStatus} and {@code approvedBy} back, and catches
 * {@code HANDOFF_REJECTED} and {@code HANDOFF_EXPIRED} with boundary error events.
 */
@ExtendWith(SharedEngine.class)
class CallActivityTest {

    private final EngineWorld world;
    private final Tenant tenant = EngineWorld.aTenant();

    CallActivityTest(EngineWorld world) {
        this.world = world;
        BpmnAwareTests.init(world.engine);
    }

    @BeforeEach
    void deploy_the_calling_process() {
        world.deployCaller();
    }

    @Test
    void a_calling_process_creates_the_handoff_through_the_domain_and_the_called_instance_becomes_its_process() {
        // when
        ProcessInstance caller = world.startCaller(EngineWorld.callInputs(tenant));

        // then
        ProcessInstance called = world.calledBy(caller);
        Handoff handoff = world.reload(onlyHandoff());
        assertThat(called.getBusinessKey()).isEqualTo(handoff.id().toString());
        assertThat(handoff.subject()).isEqualTo("Contract draft ready for legal review");
        assertThat(handoff.body()).isEqualTo("Clause 7 changed; please check the liability cap.");
        assertThat(handoff.priority().value()).isZero();
        assertThat(handoff.sourceTaskId()).contains("task-legal-1");
        assertThat(handoff.requiresApproval()).isTrue();
        assertThat(world.waitingAt(handoff)).containsExactly("decide");
        assertThat(world.runtime().getVariables(called.getId())).doesNotContainKeys("subject", "body")
                .containsEntry("handoffId", handoff.id().toString());
        assertThat(world.eventsOf(handoff)).containsExactly("handoff.created");
        world.assertOneProcessPerHandoff(tenant);
    }

    @ParameterizedTest(name = "{0}: the caller goes on at {1}")
    @CsvSource({
            "reject,   handleRejection, rejected",
            "expire,   handleExpiry,    expired",
            "complete, useResult,       completed"})
    void the_caller_gets_the_outcome_back_and_catches_rejection_and_expiry_as_bpmn_errors(
            String outcome, String callerGoesOnAt, String status) {
        // given
        ProcessInstance caller = world.startCaller(EngineWorld.callInputs(tenant));
        Handoff handoff = onlyHandoff();

        // when
        switch (outcome) {
            case "reject" -> world.reject(handoff);
            case "expire" -> world.fireTimerOf(handoff);
            default -> {
                world.approve(handoff);
                world.move(handoff, new HandoffAction.Start(Optional.empty()));
                world.move(handoff, new HandoffAction.Complete());
            }
        }

        // then
        BpmnAwareTests.assertThat(caller).isWaitingAtExactly(callerGoesOnAt).variables()
                .containsEntry("handoffId", handoff.id().toString())
                .containsEntry("handoffStatus", status);
        if (!outcome.equals("expire")) {
            BpmnAwareTests.assertThat(caller).variables().containsEntry("approvedBy", APPROVER);
        }
        assertThat(world.reload(handoff).status().wireName()).isEqualTo(status);
        world.assertOneProcessPerHandoff(tenant);
    }

    @Test
    void a_caller_that_names_no_tenant_creates_the_handoff_in_the_configured_default_tenant() {
        // given
        Map<String, Object> inputs = EngineWorld.callInputs(tenant);
        inputs.remove("accountId");
        inputs.remove("projectId");

        // when
        ProcessInstance caller = world.startCaller(inputs);

        // then
        String handoffId = (String) world.runtime().getVariable(world.calledBy(caller).getId(), "handoffId");
        Handoff handoff = world.application.findHandoffs().get(SharedEngine.DEFAULT_TENANT,
                EngineWorld.idOf(handoffId));
        assertThat(handoff.status()).isEqualTo(HandoffStatus.PENDING);
        assertThat(world.handoffsOf(tenant)).isEmpty();
    }

    @Test
    void a_body_longer_than_a_string_variable_can_hold_is_passed_in_as_bytes() {
        // given
        String body = "A long report. ".repeat(6_666) + "End.";
        Map<String, Object> inputs = EngineWorld.callInputs(tenant);
        inputs.put("body", body.getBytes(StandardCharsets.UTF_8));

        // when
        ProcessInstance caller = world.startCaller(inputs);

        // then
        assertThat(world.reload(onlyHandoff()).body()).hasSize(99_994).isEqualTo(body);
        assertThat(world.runtime().getVariables(world.calledBy(caller).getId())).doesNotContainKey("body");
    }

    @Test
    void a_caller_passing_invalid_content_is_refused_and_nothing_is_created() {
        // given
        Map<String, Object> inputs = EngineWorld.callInputs(tenant);
        inputs.put("priority", 7);
        inputs.remove("subject");

        // when / then
        assertThatThrownBy(() -> world.startCaller(inputs))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("priority")
                .hasMessageContaining("subject");
        assertThat(world.handoffsOf(tenant)).isEmpty();
        assertThat(world.history().createHistoricProcessInstanceQuery()
                .variableValueEquals("accountId", tenant.accountId()).count()).isZero();
    }

    private Handoff onlyHandoff() {
        assertThat(world.handoffsOf(tenant)).hasSize(1);
        return world.handoffsOf(tenant).get(0);
    }
}
