package dev.handoff.workflow;

import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.Tenant;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The expiry timer: it expires a handoff that is still pending, and nothing else. */
@ExtendWith(SharedEngine.class)
class ExpiryTimerTest {

    private static final int RACES = 20;

    private final EngineWorld world;
    private final Tenant tenant = EngineWorld.aTenant();

    ExpiryTimerTest(EngineWorld world) {
        this.world = world;
    }

    @ParameterizedTest(name = "requiresApproval={0}, waiting at {1}")
    @CsvSource({"true, decide", "false, pending"})
    void the_timer_expires_a_handoff_still_pending_and_ends_its_process_as_expired(boolean requiresApproval,
                                                                                  String waitingAt) {
        // given
        Handoff handoff = world.create(tenant, requiresApproval);
        assertThat(world.waitingAt(handoff)).containsExactly(waitingAt);

        // when
        world.fireTimerOf(handoff);

        // then
        assertThat(world.reload(handoff).status()).isEqualTo(HandoffStatus.EXPIRED);
        assertThat(world.endedAt(handoff)).contains("expired");
        assertThat(world.decisionTaskOf(handoff)).isEmpty();
        assertThat(world.eventsOf(handoff)).containsExactly("handoff.created", "handoff.expired");
        world.assertOneProcessPerHandoff(tenant);
    }

    @Test
    void a_decision_cancels_the_timer_and_a_late_expiry_changes_nothing() {
        // given
        Handoff handoff = world.approve(world.create(tenant, true));

        // when
        Handoff afterLateExpiry = world.application.expireHandoff().expire(tenant, handoff.id());

        // then
        assertThat(world.timerOf(handoff)).isEmpty();
        assertThat(afterLateExpiry.status()).isEqualTo(HandoffStatus.ACCEPTED);
        assertThat(world.waitingAt(handoff)).containsExactly("accepted");
        assertThat(world.eventsOf(handoff)).containsExactly("handoff.created", "handoff.approved");
    }

    @Test
    void an_expiry_decided_outside_the_timer_makes_the_timer_due_and_the_process_follows_once_it_fires() {
        // given
        Handoff handoff = world.create(tenant, true);

        // when
        world.application.expireHandoff().expire(tenant, handoff.id());

        // then
        Job timer = world.timerOf(handoff).orElseThrow();
        assertThat(timer.getDuedate()).isBeforeOrEqualTo(new Date());

        // when
        world.fireTimerOf(handoff);

        // then
        assertThat(world.endedAt(handoff)).contains("expired");
        assertThat(world.eventsOf(handoff)).containsExactly("handoff.created", "handoff.expired");
    }

    @Test
    void an_approval_racing_the_timer_ends_in_exactly_one_outcome() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<String> winners = new ArrayList<>();
        try {
            for (int race = 0; race < RACES; race++) {
                // given
                Handoff handoff = world.create(tenant, true);
                String timer = world.timerOf(handoff).orElseThrow().getId();
                CyclicBarrier start = new CyclicBarrier(2);

                // when
                long headStartOfTheTimer = TimeUnit.MILLISECONDS.toNanos(race % 4 * 3L); // vary the interleaving
                Future<Handoff> approval = threads.submit(() -> {
                    start.await();
                    LockSupport.parkNanos(headStartOfTheTimer);
                    return world.approve(handoff);
                });
                Future<Void> expiry = threads.submit(() -> {
                    start.await();
                    world.management().executeJob(timer);
                    return null;
                });
                Throwable approvalFailure = EngineWorld.failureOf(approval);
                Throwable expiryFailure = EngineWorld.failureOf(expiry);

                // then
                Handoff outcome = world.reload(handoff);
                if (outcome.status() == HandoffStatus.ACCEPTED) {
                    winners.add("approval" + (expiryFailure == null ? "" : "/" + expiryFailure.getClass().getSimpleName()));
                    assertThat(approvalFailure).isNull();
                    assertThat(world.waitingAt(handoff)).containsExactly("accepted");
                    assertThat(world.eventsOf(handoff)).containsExactly("handoff.created", "handoff.approved");
                } else {
                    winners.add("timer");
                    assertThat(outcome.status()).isEqualTo(HandoffStatus.EXPIRED);
                    assertThat(expiryFailure).isNull();
                    assertThat(approvalFailure).isInstanceOf(Conflict.class);
                    assertThat(world.endedAt(handoff)).contains("expired");
                    assertThat(world.eventsOf(handoff)).containsExactly("handoff.created", "handoff.expired");
                }
                assertThat(world.timerOf(handoff)).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
        world.assertOneProcessPerHandoff(tenant);
        System.out.println("approval racing the timer, winners: " + winners);
    }
}
