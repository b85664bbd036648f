package dev.handoff.workflow;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.Tenant;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tuned job executor fires the timers one acquisition brought in groups, each group in one
 * transaction; a failure in a group costs its other timers nothing.
 */
class BatchedJobExecutorTest {

    private static final int JOBS_PER_TRANSACTION = WorkflowSettings.JobExecution.Tuned.DEFAULTS.jobsPerTransaction();
    private static final int DUE_TOGETHER = 3 * JOBS_PER_TRANSACTION;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** No history cleanup job, which would join the groups inside its nightly window. */
    private static final WorkflowSettings ONLY_TIMERS = WorkflowSettings.DEFAULTS.withCleanupWindow(Optional.empty());

    @ParameterizedTest(name = "batches {0}, at most {1} a group: {2}")
    @CsvSource(delimiter = '|', value = {
            "a b c d e | 2 | a b, c d, e",
            "a b c     | 8 | a b c",
            "a         | 8 | a",
            "a bc d    | 2 | a, b c, d",  // a process instance's exclusive jobs stay together
            "abc d     | 2 | a b c, d",   // even when there are more of them than a group holds
    })
    void acquired_jobs_are_grouped_up_to_the_limit_without_splitting_what_camunda_acquired_as_one_batch(
            String batches, int limit, String groups) {
        // given: each word one batch of Camunda's acquisition, each letter one job
        AcquiredJobs acquired = new AcquiredJobs(batches.replace(" ", "").length());
        Arrays.stream(batches.trim().split(" +"))
                .forEach(batch -> acquired.addJobIdBatch(new ArrayList<>(List.of(batch.split("")))));

        // when
        AcquiredJobs grouped = BatchedJobExecutor.grouped(acquired, limit);

        // then
        assertThat(grouped.getJobIdBatches()).containsExactlyElementsOf(Arrays.stream(groups.split(", "))
                .map(group -> List.of(group.split(" "))).toList());
    }

    @Test
    void timers_due_together_fire_in_groups_each_in_one_engine_command_and_expire_every_handoff_once()
            throws Exception {
        ExpiryCommands commands = new ExpiryCommands();
        try (TestDatabase database = TestDatabase.fresh("batched_jobs_");
             EngineWorld world = EngineWorld.open(database.settings(), ONLY_TIMERS, commands::watch)) {
            // given
            Tenant tenant = EngineWorld.aTenant();
            List<Handoff> handoffs = dueNow(world, tenant, DUE_TOGETHER);

            // when
            expireAll(world, handoffs);

            // then
            assertThat(world.jobExecutor()).isInstanceOf(BatchedJobExecutor.class);
            assertThat(commands.groupSizes()).as("expiries per engine command")
                    .allSatisfy(size -> assertThat(size).isBetween(1, JOBS_PER_TRANSACTION))
                    .anySatisfy(size -> assertThat(size).isGreaterThan(1));
            assertThat(commands.groupSizes().stream().mapToInt(Integer::intValue).sum()).isEqualTo(DUE_TOGETHER);
            handoffs.forEach(handoff -> assertThat(world.eventsOf(handoff))
                    .containsExactly("handoff.created", "handoff.expired"));
            world.assertOneProcessPerHandoff(tenant);
        }
    }

    @Test
    void a_fault_in_one_timer_of_a_group_fails_none_of_the_others_and_costs_no_timer_a_retry() throws Exception {
        try (TestDatabase database = TestDatabase.fresh("batched_jobs_");
             EngineWorld world = EngineWorld.open(database.settings(), ONLY_TIMERS, EngineWorld::countJobs)) {
            // given: the first expiry fails, once
            Tenant tenant = EngineWorld.aTenant();
            List<Handoff> handoffs = dueNow(world, tenant, DUE_TOGETHER);
            world.faults.failAt("expireHandoff", "end", 1);

            // when
            expireAll(world, handoffs);

            // then: its group was rolled back and fired again one timer at a time
            assertThat(world.faults.injected()).isEqualTo(1);
            assertThat(world.jobMeter(Metrics.JOB_FAILED)).as("timers charged a retry").isZero();
            assertThat(world.jobMeter(Metrics.JOB_SUCCESSFUL)).isEqualTo(DUE_TOGETHER);
            handoffs.forEach(handoff -> assertThat(world.eventsOf(handoff))
                    .containsExactly("handoff.created", "handoff.expired"));
            assertThat(world.runtime().createIncidentQuery().count()).as("incidents").isZero();
            world.assertOneProcessPerHandoff(tenant);
        }
    }

    /** Handoffs due in an hour, whose timers are then brought forward to now: all due before the executor starts. */
    private static List<Handoff> dueNow(EngineWorld world, Tenant tenant, int count) {
        List<Handoff> handoffs = IntStream.range(0, count)
                .mapToObj(i -> world.create(EngineWorld.aHandoff(tenant, i % 2 == 0,
                        EngineWorld.inAMoment(Duration.ofHours(1)), "Handoff " + i + " of a group.")))
                .toList();
        world.timersDueAt(new Date());
        return handoffs;
    }

    private static void expireAll(EngineWorld world, List<Handoff> handoffs) {
        world.jobExecutor().start();
        try {
            EngineWorld.awaitUntil(PATIENCE, handoffs.size() + " handoffs expire", () -> handoffs.stream()
                    .allMatch(handoff -> world.reload(handoff).status() == HandoffStatus.EXPIRED));
        } finally {
            world.jobExecutor().shutdown();
        }
    }

    /** Counts the expiries each engine command ran: a group of timers shares one command. */
    private static final class ExpiryCommands extends AbstractBpmnParseListener {

        private final Map<CommandContext, AtomicInteger> expiries = new IdentityHashMap<>();

        void watch(ProcessEngineConfigurationImpl configuration) {
            configuration.getCustomPostBPMNParseListeners().add(this);
        }

        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getId().equals("expireHandoff")) {
                activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> count());
            }
        }

        private synchronized void count() {
            expiries.computeIfAbsent(Context.getCommandContext(), command -> new AtomicInteger()).incrementAndGet();
        }

        synchronized Collection<Integer> groupSizes() {
            return expiries.values().stream().map(AtomicInteger::get).toList();
        }
    }
}
