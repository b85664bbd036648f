package dev.handoff.workflow;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The real job executor fires expiry timers when they fall due, and retries a timer job that failed. */
@ExtendWith(SharedEngine.class)
class JobExecutorTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EngineWorld world;
    private final Tenant tenant = EngineWorld.aTenant();

    JobExecutorTest(EngineWorld world) {
        this.world = world;
    }

    @BeforeEach
    void start_the_job_executor() {
        world.faults.heal();
        world.jobExecutor().start();
    }

    @AfterEach
    void stop_the_job_executor() {
        world.jobExecutor().shutdown();
        world.faults.heal();
    }

    @Test
    void the_job_executor_fires_the_expiry_timer_when_it_falls_due() {
        // given
        Handoff handoff = world.create(EngineWorld.aHandoff(tenant, false, EngineWorld.inAMoment(Duration.ofSeconds(1)),
                "Due in a second."));

        // when
        EngineWorld.awaitUntil(PATIENCE, "the handoff expires",
                () -> world.reload(handoff).status() == HandoffStatus.EXPIRED);

        // then
        assertThat(world.endedAt(handoff)).contains("expired");
        assertThat(world.eventsOf(handoff)).containsExactly("handoff.created", "handoff.expired");
    }

    @Test
    void a_quiet_job_executor_keeps_looking_for_due_timers_at_the_idle_wait() {
        // when
        var jobExecutor = world.jobExecutor();

        // then: by default Camunda doubles the wait of a node that found nothing, up to a minute,
        // and a timer coming due on a quiet node fired that late
        assertThat(jobExecutor.getMaxWait()).isEqualTo(jobExecutor.getWaitTimeInMillis());
    }

    @Test
    void a_timer_job_that_failed_is_retried_by_the_job_executor_and_expires_the_handoff_once() {
        // given
        world.faults.failAt("expireHandoff", "end", 1);
        Handoff handoff = world.create(EngineWorld.aHandoff(tenant, true, EngineWorld.inAMoment(Duration.ofSeconds(1)),
                "Due in a second; the first attempt fails."));

        // when
        EngineWorld.awaitUntil(PATIENCE, "the handoff expires",
                () -> world.reload(handoff).status() == HandoffStatus.EXPIRED);

        // then
        assertThat(world.faults.injected()).isEqualTo(1);
        assertThat(world.endedAt(handoff)).contains("expired");
        assertThat(world.eventsOf(handoff)).containsExactly("handoff.created", "handoff.expired");
        world.assertOneProcessPerHandoff(tenant);
    }
}
