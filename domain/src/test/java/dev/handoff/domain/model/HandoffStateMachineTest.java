package dev.handoff.domain.model;

import dev.handoff.domain.model.HandoffEvent.HandoffApproved;
import dev.handoff.domain.model.HandoffEvent.HandoffCompleted;
import dev.handoff.domain.model.HandoffEvent.HandoffExpired;
import dev.handoff.domain.model.HandoffEvent.HandoffRejected;
import dev.handoff.domain.model.HandoffEvent.HandoffStarted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static dev.handoff.domain.model.HandoffFixtures.aHandoffIn;
import static dev.handoff.domain.model.HandoffFixtures.aPendingHandoff;
import static dev.handoff.domain.model.HandoffStatus.ACCEPTED;
import static dev.handoff.domain.model.HandoffStatus.COMPLETED;
import static dev.handoff.domain.model.HandoffStatus.EXPIRED;
import static dev.handoff.domain.model.HandoffStatus.IN_PROGRESS;
import static dev.handoff.domain.model.HandoffStatus.PENDING;
import static dev.handoff.domain.model.HandoffStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** design.md's state machine, every state × action cell, with and without an approval gate. */
class HandoffStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-04-03T12:00:00Z");

    /** The five actions, applied the way the use cases apply them; empty = a no-op. */
    enum Action {
        APPROVE((handoff, now) -> Optional.of(handoff.approve("sehgal.manav@example.com", now))),
        REJECT((handoff, now) -> Optional.of(handoff.reject("reviewer-agent", now))),
        START((handoff, now) -> Optional.of(handoff.start(Optional.of("task-target-1"), now))),
        COMPLETE((handoff, now) -> Optional.of(handoff.complete(now))),
        EXPIRE(Handoff::expire);

        final BiFunction<Handoff, Instant, Optional<Transition>> apply;

        Action(BiFunction<Handoff, Instant, Optional<Transition>> apply) {
            this.apply = apply;
        }
    }

    /** What a cell of the table expects. */
    sealed interface Outcome {
        record MovesTo(HandoffStatus status, Class<? extends HandoffEvent> event) implements Outcome {
            @Override
            public String toString() {
                return "→ " + status.wireName();
            }
        }

        record Refused() implements Outcome {
            @Override
            public String toString() {
                return "409 Conflict";
            }
        }

        record Unchanged() implements Outcome {
            @Override
            public String toString() {
                return "no-op";
            }
        }
    }

    static Stream<Arguments> every_cell() {
        List<Arguments> cells = new ArrayList<>();
        for (boolean requiresApproval : new boolean[] {true, false}) {
            for (HandoffStatus status : HandoffStatus.values()) {
                for (Action action : Action.values()) {
                    cells.add(Arguments.of(status, requiresApproval ? "approval required" : "no approval",
                            action, expected(status, requiresApproval, action)));
                }
            }
        }
        return cells.stream();
    }

    /** design.md's table, written out. */
    private static Outcome expected(HandoffStatus status, boolean requiresApproval, Action action) {
        return switch (action) {
            case APPROVE -> status == PENDING
                    ? new Outcome.MovesTo(ACCEPTED, HandoffApproved.class) : new Outcome.Refused();
            case REJECT -> status == PENDING
                    ? new Outcome.MovesTo(REJECTED, HandoffRejected.class) : new Outcome.Refused();
            case START -> status == ACCEPTED || (status == PENDING && !requiresApproval)
                    ? new Outcome.MovesTo(IN_PROGRESS, HandoffStarted.class) : new Outcome.Refused();
            case COMPLETE -> status == IN_PROGRESS
                    ? new Outcome.MovesTo(COMPLETED, HandoffCompleted.class) : new Outcome.Refused();
            case EXPIRE -> status == PENDING
                    ? new Outcome.MovesTo(EXPIRED, HandoffExpired.class) : new Outcome.Unchanged();
        };
    }

    @ParameterizedTest(name = "{0} ({1}) × {2} {3}")
    @MethodSource("every_cell")
    void each_action_from_each_state_moves_as_designed(HandoffStatus from, String gate, Action action,
                                                        Outcome outcome) {
        // given
        Handoff handoff = aHandoffIn(from, gate.equals("approval required"));

        // when / then
        if (outcome instanceof Outcome.Refused) {
            assertThatThrownBy(() -> action.apply.apply(handoff, NOW))
                    .isInstanceOf(Conflict.class)
                    .hasMessageContaining(from.wireName());
        } else if (outcome instanceof Outcome.Unchanged) {
            assertThat(action.apply.apply(handoff, NOW)).isEmpty();
        } else if (outcome instanceof Outcome.MovesTo movesTo) {
            Transition transition = action.apply.apply(handoff, NOW).orElseThrow();
            assertThat(transition.handoff().status()).isEqualTo(movesTo.status());
            assertThat(transition.handoff().version()).isEqualTo(handoff.version() + 1);
            assertThat(transition.event()).isInstanceOf(movesTo.event());
            assertThat(transition.event().handoffId()).isEqualTo(handoff.id());
            assertThat(transition.event().occurredAt()).isEqualTo(NOW);
        }
    }

    @Test
    void approving_a_pending_handoff_records_the_approver_and_the_response_time() {
        // given
        Handoff pending = aPendingHandoff(true);

        // when
        Handoff accepted = pending.approve("sehgal.manav@example.com", NOW).handoff();

        // then
        assertThat(accepted.approvedBy()).contains("sehgal.manav@example.com");
        assertThat(accepted.respondedAt()).contains(NOW);
    }

    @Test
    void rejecting_records_who_decided_and_when() {
        // when
        Handoff rejected = aPendingHandoff(true).reject("reviewer-agent", NOW).handoff();

        // then
        assertThat(rejected.approvedBy()).contains("reviewer-agent");
        assertThat(rejected.respondedAt()).contains(NOW);
        assertThat(rejected.status().isTerminal()).isTrue();
    }

    @Test
    void starting_without_an_approval_gate_accepts_implicitly_and_records_the_response_time() {
        // when
        Transition started = aPendingHandoff(false).start(Optional.of("task-target-1"), NOW);

        // then
        assertThat(started.handoff().respondedAt()).contains(NOW);
        assertThat(started.handoff().targetTaskId()).contains("task-target-1");
        assertThat(started.handoff().approvedBy()).isEmpty();
        assertThat(((HandoffStarted) started.event()).implicitlyAccepted()).isTrue();
    }

    @Test
    void starting_an_accepted_handoff_keeps_the_approval_response_time() {
        // given
        Handoff accepted = aHandoffIn(ACCEPTED, true);

        // when
        Handoff started = accepted.start(Optional.empty(), NOW).handoff();

        // then
        assertThat(started.respondedAt()).isEqualTo(accepted.respondedAt());
        assertThat(started.approvedBy()).isEqualTo(accepted.approvedBy());
    }

    @Test
    void starting_a_handoff_that_awaits_approval_says_so() {
        assertThatThrownBy(() -> aPendingHandoff(true).start(Optional.empty(), NOW))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("awaits approval");
    }

    @Test
    void expiring_twice_changes_nothing_the_second_time() {
        // given
        Handoff expired = aPendingHandoff(true).expire(NOW).orElseThrow().handoff();

        // when / then
        assertThat(expired.expire(NOW.plusSeconds(1))).isEmpty();
        assertThat(expired.status()).isEqualTo(EXPIRED);
    }

    @Test
    void completed_rejected_and_expired_are_terminal() {
        assertThat(Stream.of(HandoffStatus.values()).filter(HandoffStatus::isTerminal))
                .containsExactlyInAnyOrder(COMPLETED, REJECTED, EXPIRED);
    }
}
