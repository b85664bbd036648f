package dev.handoff.domain.service;

import dev.handoff.domain.fake.InMemoryHandoffWorld;
import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffEvent;
import dev.handoff.domain.model.HandoffEvent.HandoffApproved;
import dev.handoff.domain.model.HandoffEvent.HandoffCompleted;
import dev.handoff.domain.model.HandoffEvent.HandoffCreated;
import dev.handoff.domain.model.HandoffEvent.HandoffStarted;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.model.NotFound;
import dev.handoff.domain.model.StaleVersion;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.model.Transition;
import dev.handoff.domain.port.in.HandoffAction;
import dev.handoff.domain.port.in.MoveHandoffCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static dev.handoff.domain.fake.CreateCommandBuilder.TENANT;
import static dev.handoff.domain.fake.CreateCommandBuilder.aCreateCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoveHandoffTest {

    private final InMemoryHandoffWorld world = new InMemoryHandoffWorld();

    private Handoff aPendingHandoff(boolean requiresApproval) {
        return world.application.createHandoff()
                .create(aCreateCommand().requiresApproval(requiresApproval).build()).handoff();
    }

    private Handoff move(Handoff handoff, HandoffAction action) {
        return world.application.moveHandoff().move(new MoveHandoffCommand(TENANT, handoff.id(), action));
    }

    @Test
    void the_full_lifecycle_publishes_one_event_per_transition_and_signals_the_process_each_time() {
        // given
        Handoff handoff = aPendingHandoff(true);
        world.clock.advance(Duration.ofMinutes(17));

        // when
        move(handoff, new HandoffAction.Approve("reviewer-agent"));
        move(handoff, new HandoffAction.Start(Optional.of("task-target-1")));
        Handoff completed = move(handoff, new HandoffAction.Complete());

        // then
        assertThat(completed.status()).isEqualTo(HandoffStatus.COMPLETED);
        assertThat(completed.respondedAt()).contains(InMemoryHandoffWorld.START.plus(Duration.ofMinutes(17)));
        assertThat(world.bus.events()).extracting(event -> (Class) event.getClass()).containsExactly(
                HandoffCreated.class, HandoffApproved.class, HandoffStarted.class, HandoffCompleted.class);
        assertThat(world.process.signals()).extracting(Transition::event)
                .containsExactlyElementsOf(world.bus.events().subList(1, 4));
        assertThat(world.handoffs.find(TENANT, handoff.id())).contains(completed);
    }

    @Test
    void approving_without_naming_the_approver_records_user() {
        // when
        Handoff accepted = move(aPendingHandoff(true), new HandoffAction.Approve(null));

        // then
        assertThat(accepted.approvedBy()).contains("user");
    }

    @Test
    void a_blank_approver_is_invalid() {
        assertThatThrownBy(() -> new HandoffAction.Reject(" "))
                .isInstanceOf(InvalidInput.class).hasMessage("approvedBy must not be blank");
    }

    @Test
    void an_illegal_move_is_a_conflict_and_changes_nothing() {
        // given
        Handoff handoff = aPendingHandoff(true);
        move(handoff, new HandoffAction.Reject("reviewer-agent"));
        int events = world.bus.events().size();

        // when / then
        assertThatThrownBy(() -> move(handoff, new HandoffAction.Approve("reviewer-agent")))
                .isInstanceOf(Conflict.class)
                .hasMessage("cannot approve handoff " + handoff.id() + ": it is rejected");
        assertThat(world.handoffs.find(TENANT, handoff.id()).orElseThrow().status()).isEqualTo(HandoffStatus.REJECTED);
        assertThat(world.bus.events()).hasSize(events);
    }

    @Test
    void another_tenants_handoff_is_not_found() {
        // given
        Handoff handoff = aPendingHandoff(true);

        // when / then
        assertThatThrownBy(() -> world.application.moveHandoff().move(new MoveHandoffCommand(
                new Tenant("ACCOUNT-2", "PROJECT-1"), handoff.id(), new HandoffAction.Approve(null))))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> world.application.moveHandoff().move(new MoveHandoffCommand(
                TENANT, new HandoffId(UUID.randomUUID()), new HandoffAction.Approve(null))))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void acting_on_a_stale_version_is_refused() {
        // given
        Handoff handoff = aPendingHandoff(false);
        move(handoff, new HandoffAction.Start(Optional.empty()));

        // when / then
        assertThatThrownBy(() -> world.application.moveHandoff().move(new MoveHandoffCommand(TENANT, handoff.id(),
                new HandoffAction.Complete(), OptionalLong.of(handoff.version()))))
                .isInstanceOf(StaleVersion.class)
                .hasMessage("handoff " + handoff.id() + " is at version 2, not 1");
    }

    @Test
    void acting_on_the_current_version_succeeds() {
        // given
        Handoff handoff = aPendingHandoff(false);

        // when
        Handoff started = world.application.moveHandoff().move(new MoveHandoffCommand(TENANT, handoff.id(),
                new HandoffAction.Start(Optional.empty()), OptionalLong.of(1)));

        // then
        assertThat(started.version()).isEqualTo(2);
    }

    @Test
    void when_the_process_refuses_to_follow_the_move_is_rolled_back() {
        // given
        Handoff handoff = aPendingHandoff(true);
        world.process.failWith(Conflict.concurrentUpdate(handoff.id()));

        // when / then
        assertThatThrownBy(() -> move(handoff, new HandoffAction.Approve(null))).isInstanceOf(Conflict.class);
        assertThat(world.handoffs.find(TENANT, handoff.id())).contains(handoff);
        assertThat(world.bus.events()).extracting(HandoffEvent::type).containsExactly("handoff.created");
    }
}
