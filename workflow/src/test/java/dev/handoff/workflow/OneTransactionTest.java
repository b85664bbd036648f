package dev.handoff.workflow;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.model.Unavailable;
import dev.handoff.workflow.Faults.InjectedFault;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static dev.handoff.workflow.EngineWorld.APPROVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fault injection: a failure inside an engine step, after the domain's rows were written in the
 * same unit of work, leaves nothing behind — no handoff without its process, no process without
 * its handoff, no event for a change that did not happen.
 */
@ExtendWith(SharedEngine.class)
class OneTransactionTest {

    private final EngineWorld world;
    private final Tenant tenant = EngineWorld.aTenant();

    OneTransactionTest(EngineWorld world) {
        this.world = world;
    }

    @BeforeEach
    void no_faults_yet() {
        world.faults.heal();
    }

    @AfterEach
    void heal() {
        world.faults.heal();
        world.assertOneProcessPerHandoff(tenant);
    }

    @ParameterizedTest(name = "requiresApproval={0}, failing as the process reaches {1}")
    @CsvSource({"true, decide", "false, pending"})
    void a_failure_in_the_engine_after_the_handoff_row_was_written_leaves_neither_handoff_nor_process(
            boolean requiresApproval, String failingActivity) {
        // given
        world.faults.failAt(failingActivity, "start", 1);
        long createdEvents = world.persistence.eventCount("handoff.created");

        // when
        assertThatThrownBy(() -> world.create(tenant, requiresApproval)).isInstanceOf(InjectedFault.class);

        // then
        assertThat(world.faults.injected()).isPositive();
        assertThat(world.handoffsOf(tenant)).isEmpty();
        assertThat(world.history().createHistoricProcessInstanceQuery()
                .variableValueEquals("accountId", tenant.accountId()).count()).isZero();
        assertThat(world.persistence.eventCount("handoff.created")).isEqualTo(createdEvents);
    }

    @Test
    void a_failure_after_a_calling_process_created_its_handoff_leaves_neither_handoff_nor_processes() {
        // given
        world.deployCaller();
        world.faults.failAt("createHandoff", "end", 1);

        // when
        assertThatThrownBy(() -> world.startCaller(EngineWorld.callInputs(tenant))).isInstanceOf(InjectedFault.class);

        // then
        assertThat(world.handoffsOf(tenant)).isEmpty();
        assertThat(world.history().createHistoricProcessInstanceQuery()
                .variableValueEquals("accountId", tenant.accountId()).count()).isZero();
    }

    @ParameterizedTest(name = "through the {0}")
    @CsvSource({"domain", "tasklist"})
    void a_failure_as_the_process_follows_a_decision_leaves_the_handoff_undecided(String door) {
        // given
        Handoff handoff = world.create(tenant, true);
        world.faults.failAt("accepted", "start", 1);

        // when
        assertThatThrownBy(() -> approveThrough(door, handoff)).isInstanceOf(InjectedFault.class);

        // then
        Handoff after = world.reload(handoff);
        assertThat(after.status()).isEqualTo(HandoffStatus.PENDING);
        assertThat(after.version()).isEqualTo(handoff.version());
        assertThat(world.waitingAt(handoff)).containsExactly("decide");
        assertThat(world.decisionTaskOf(handoff)).isPresent();
        assertThat(world.timerOf(handoff)).isPresent();
        assertThat(world.eventsOf(handoff)).containsExactly("handoff.created");
    }

    @ParameterizedTest(name = "requiresApproval={0}, the connection lost as the process reaches {1}")
    @CsvSource({"true, decide", "false, pending"})
    void a_connection_lost_while_creating_is_refused_as_unavailable_and_leaves_neither_handoff_nor_process(
            boolean requiresApproval, String failingActivity) {
        // given
        world.faults.loseConnectionAt(failingActivity, "start", 1);
        long createdEvents = world.persistence.eventCount("handoff.created");

        // when
        assertThatThrownBy(() -> world.create(tenant, requiresApproval)).isInstanceOf(Unavailable.class);

        // then
        assertThat(world.handoffsOf(tenant)).isEmpty();
        assertThat(world.persistence.eventCount("handoff.created")).isEqualTo(createdEvents);
    }

    @ParameterizedTest(name = "through the {0}")
    @CsvSource({"domain", "tasklist"})
    void a_connection_lost_as_the_process_follows_a_decision_is_refused_as_unavailable_and_changes_nothing(
            String door) {
        // given
        Handoff handoff = world.create(tenant, true);
        world.faults.loseConnectionAt("accepted", "start", 1);

        // when
        assertThatThrownBy(() -> approveThrough(door, handoff)).isInstanceOf(Unavailable.class);

        // then
        Handoff after = world.reload(handoff);
        assertThat(after.status()).isEqualTo(HandoffStatus.PENDING);
        assertThat(after.version()).isEqualTo(handoff.version());
        assertThat(world.decisionTaskOf(handoff)).isPresent();
        assertThat(world.eventsOf(handoff)).containsExactly("handoff.created");
    }

    @Test
    void a_failure_inside_the_timer_job_rolls_back_the_expiry_and_leaves_the_job_to_be_retried() {
        // given
        Handoff handoff = world.create(tenant, true);
        world.faults.failAt("expireHandoff", "end", 1);

        // when
        assertThatThrownBy(() -> world.fireTimerOf(handoff)).isInstanceOf(InjectedFault.class);

        // then
        assertThat(world.reload(handoff).status()).isEqualTo(HandoffStatus.PENDING);
        assertThat(world.waitingAt(handoff)).containsExactly("decide");
        assertThat(world.eventsOf(handoff)).containsExactly("handoff.created");
        Job timer = world.timerOf(handoff).orElseThrow();
        assertThat(timer.getRetries()).isEqualTo(2);
        assertThat(timer.getExceptionMessage()).contains("injected fault");

        // when
        world.fireTimerOf(handoff);

        // then
        assertThat(world.reload(handoff).status()).isEqualTo(HandoffStatus.EXPIRED);
        assertThat(world.endedAt(handoff)).contains("expired");
        assertThat(world.eventsOf(handoff)).containsExactly("handoff.created", "handoff.expired");
    }

    /** Approves through the domain's use case, or by completing the approval task as Tasklist would. */
    private void approveThrough(String door, Handoff handoff) {
        if (door.equals("domain")) {
            world.approve(handoff);
        } else {
            Task task = world.decisionTaskOf(handoff).orElseThrow();
            world.tasks().complete(task.getId(), Map.of("decision", "approve", "approvedBy", APPROVER));
        }
    }
}
