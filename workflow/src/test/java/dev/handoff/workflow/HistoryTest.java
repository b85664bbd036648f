package dev.handoff.workflow;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.Tenant;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static dev.handoff.workflow.EngineWorld.APPROVER;
import static org.assertj.core.api.Assertions.assertThat;

/** At audit level the engine keeps what happened to each handoff process, and cleans it up after 30 days. */
@ExtendWith(SharedEngine.class)
class HistoryTest {

    private final EngineWorld world;
    private final Tenant tenant = EngineWorld.aTenant();

    HistoryTest(EngineWorld world) {
        this.world = world;
    }

    @AfterEach
    void back_to_the_real_clock() {
        ClockUtil.reset();
    }

    @Test
    void history_shows_each_step_of_a_finished_handoff_process_and_who_decided() {
        // given
        Handoff handoff = world.create(tenant, true);
        Task task = world.decisionTaskOf(handoff).orElseThrow();

        // when
        world.tasks().complete(task.getId(), Map.of("decision", "reject", "approvedBy", APPROVER));

        // then
        HistoricProcessInstance process = world.historyOf(handoff);
        assertThat(process.getEndTime()).isNotNull();
        assertThat(world.endedAt(handoff)).contains("rejected");
        assertThat(process.getRemovalTime()).as("removal time: cleanup goes by end time").isNull();
        assertThat(world.history().createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                .orderPartiallyByOccurrence().asc().list())
                .extracting(HistoricActivityInstance::getActivityId)
                .containsExactly("decide", "recordDecision", "approved", "rejected");
        HistoricTaskInstance decision = world.history().createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(handoff.id().toString()).singleResult();
        assertThat(decision.getTaskDefinitionKey()).isEqualTo("decide");
        assertThat(decision.getEndTime()).isNotNull();
        assertThat(world.history().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName("approvedBy").singleResult().getValue()).isEqualTo(APPROVER);
        assertThat(world.history().createHistoricProcessInstanceQuery()
                .variableValueEquals("handoffStatus", "rejected")
                .processInstanceBusinessKey(handoff.id().toString()).count()).isEqualTo(1);
    }

    @Test
    void history_cleanup_removes_finished_handoff_processes_once_their_time_to_live_has_passed() {
        // given
        Handoff finished = world.reject(world.create(tenant, true));
        Handoff running = world.create(tenant, true);

        // when
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(31))));
        Job cleanup = world.history().cleanUpHistoryAsync(true);
        world.management().executeJob(cleanup.getId());

        // then
        assertThat(world.historyOf(finished)).isNull();
        assertThat(world.history().createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(finished.id().toString()).count()).isZero();
        assertThat(world.historyOf(running)).isNotNull();
        assertThat(world.waitingAt(running)).containsExactly("decide");
    }
}
