package dev.handoff.domain.service;

import dev.handoff.domain.fake.InMemoryHandoffWorld;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffEvent;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.port.in.HandoffAction;
import dev.handoff.domain.port.in.MoveHandoffCommand;
import org.junit.jupiter.api.Test;

import static dev.handoff.domain.fake.CreateCommandBuilder.TENANT;
import static dev.handoff.domain.fake.CreateCommandBuilder.aCreateCommand;
import static org.assertj.core.api.Assertions.assertThat;

class ExpireHandoffTest {

    private final InMemoryHandoffWorld world = new InMemoryHandoffWorld();
    private final Handoff pending = world.application.createHandoff().create(aCreateCommand().build()).handoff();

    @Test
    void the_timer_expires_a_pending_handoff_once() {
        // when
        Handoff expired = world.application.expireHandoff().expire(TENANT, pending.id());
        Handoff again = world.application.expireHandoff().expire(TENANT, pending.id());

        // then
        assertThat(expired.status()).isEqualTo(HandoffStatus.EXPIRED);
        assertThat(again).isEqualTo(expired);
        assertThat(world.bus.events()).extracting(HandoffEvent::type)
                .containsExactly("handoff.created", "handoff.expired");
    }

    @Test
    void a_timer_firing_after_a_decision_changes_nothing() {
        // given
        Handoff approved = world.application.moveHandoff()
                .move(new MoveHandoffCommand(TENANT, pending.id(), new HandoffAction.Approve("reviewer-agent")));

        // when
        Handoff afterTimer = world.application.expireHandoff().expire(TENANT, pending.id());

        // then
        assertThat(afterTimer).isEqualTo(approved);
        assertThat(world.process.signals()).hasSize(1);
    }
}
